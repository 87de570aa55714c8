using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

/// <summary>
/// One attribute's answer in a batch read (<see cref="CosemClient.GetManyAsync(IReadOnlyList{CosemAttributeDescriptor}, CancellationToken)"/>):
/// its encoded value, or the data-access-result the meter refused it with.
/// </summary>
public sealed class CosemGetResult
{
    private readonly byte[] _data;

    internal CosemGetResult(CosemAttributeDescriptor attribute, DataAccessResult result, byte[] data)
    {
        Attribute = attribute;
        Result = result;
        _data = data;
    }

    /// <summary>The attribute this answers.</summary>
    public CosemAttributeDescriptor Attribute { get; }

    /// <summary>Success, or why the meter refused this attribute.</summary>
    public DataAccessResult Result { get; }

    /// <summary>Whether <see cref="Result"/> is success, so <see cref="Value"/> and <see cref="Decode{T}"/> do not
    /// throw.</summary>
    public bool IsSuccess => Result == DataAccessResult.Success;

    /// <summary>The A-XDR encoded value (empty when refused).</summary>
    public ReadOnlyMemory<byte> RawData => _data;

    /// <summary>The value as generic data; throws <see cref="CosemServiceException"/> when the meter refused it.</summary>
    public CosemData Value => Decode(CosemData.Decode);

    /// <summary>The value decoded by <paramref name="decode"/>; throws <see cref="CosemServiceException"/> when refused.</summary>
    public T Decode<T>(AxdrDecoder<T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        if (!IsSuccess)
        {
            throw new CosemServiceException(Result, $"Reading {Attribute} failed: data-access-result {Result}.");
        }
        var reader = new AxdrReader(_data);
        var value = decode(ref reader);
        if (!reader.IsAtEnd)
        {
            // Throws; the field name (the descriptor formatted) is built only then, not on every read.
            reader.EnsureAtEnd($"end of {Attribute}");
        }
        return value;
    }

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? $"{Attribute}: {_data.Length} bytes" : $"{Attribute}: {Result}";
}
