using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

/// <summary>
/// The services a generated proxy needs from an open association: GET, SET and ACTION on one attribute or method,
/// with the value encoded and decoded by the caller's A-XDR delegates (IEC 62056-5-3 §6.7–§6.9). Block transfer,
/// ciphering and invoke-ids stay below this seam.
/// </summary>
/// <remarks>
/// A result other than success from the meter is raised as <see cref="CosemServiceException"/>; a reply that
/// does not decode as the expected type as <see cref="CosemEncodingException"/>.
/// </remarks>
public interface ICosemSession
{
    /// <summary>Reads one attribute (GET-Request-Normal, or with-list/block as the session decides).</summary>
    ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, AxdrDecoder<T> decode, CancellationToken cancellationToken = default);

    /// <summary>Reads one attribute with selective access (IEC 62056-5-3 §9.3.4, access-selection).</summary>
    ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor access, AxdrDecoder<T> decode, CancellationToken cancellationToken = default);

    /// <summary>Writes one attribute.</summary>
    ValueTask SetAsync<T>(CosemAttributeDescriptor attribute, T value, AxdrEncoder<T> encode, CancellationToken cancellationToken = default);

    /// <summary>Invokes a method whose reply carries no return parameters.</summary>
    ValueTask InvokeAsync<TParameter>(CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode, CancellationToken cancellationToken = default);

    /// <summary>Invokes a method and decodes its return parameters.</summary>
    ValueTask<TResult> InvokeAsync<TParameter, TResult>(
        CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode, AxdrDecoder<TResult> decode,
        CancellationToken cancellationToken = default);
}
