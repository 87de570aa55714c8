using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Benchmarks;

/// <summary>A session whose every GET answers with the same encoded value, so a benchmark measures decoding only.</summary>
internal sealed class EncodedBufferSession(byte[] encoded) : ICosemSession
{
    public ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, AxdrDecoder<T> decode, CancellationToken cancellationToken = default)
    {
        var reader = new AxdrReader(encoded);
        return ValueTask.FromResult(decode(ref reader));
    }

    public ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor access, AxdrDecoder<T> decode,
        CancellationToken cancellationToken = default) => GetAsync(attribute, decode, cancellationToken);

    public ValueTask SetAsync<T>(CosemAttributeDescriptor attribute, T value, AxdrEncoder<T> encode, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Read-only benchmark session.");

    public ValueTask InvokeAsync<TParameter>(CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode,
        CancellationToken cancellationToken = default) => throw new NotSupportedException("Read-only benchmark session.");

    public ValueTask<TResult> InvokeAsync<TParameter, TResult>(CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode,
        AxdrDecoder<TResult> decode, CancellationToken cancellationToken = default) => throw new NotSupportedException("Read-only benchmark session.");
}
