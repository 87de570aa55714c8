using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The outcome of reading one attribute (IEC 62056-5-3 §9.5, Get-Data-Result ::= CHOICE { data [0] Data,
/// data-access-result [1] Data-Access-Result }): either the value, still encoded, or the reason it was refused.
/// </summary>
public readonly struct GetDataResult : IEquatable<GetDataResult>
{
    private const byte DataChoice = 0;
    private const byte AccessResultChoice = 1;

    private GetDataResult(bool hasData, ReadOnlyMemory<byte> data, DataAccessResult accessResult)
    {
        HasData = hasData;
        Data = data;
        AccessResult = accessResult;
    }

    /// <summary>True when the attribute value was returned, false when <see cref="AccessResult"/> says why not.</summary>
    public bool HasData { get; }

    /// <summary>One encoded Data value; empty when <see cref="HasData"/> is false.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary><see cref="DataAccessResult.Success"/> when <see cref="HasData"/>, else the failure.</summary>
    public DataAccessResult AccessResult { get; }

    /// <summary>Get-Data-Result data [0]: the encoded Data value read.</summary>
    public static GetDataResult FromData(ReadOnlyMemory<byte> data) => new(true, data, DataAccessResult.Success);

    /// <summary>Get-Data-Result data-access-result [1]: why the attribute could not be read.</summary>
    public static GetDataResult FromAccessResult(DataAccessResult accessResult) => new(false, default, accessResult);

    internal static GetDataResult Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        byte choice = reader.ReadRawByte("get-data-result");
        return choice switch
        {
            DataChoice => FromData(ApduFields.ReadData(source, ref reader)),
            AccessResultChoice => FromAccessResult((DataAccessResult)reader.ReadRawByte("data-access-result")),
            _ => throw ApduFields.UnknownChoice(at, choice, "get-data-result"),
        };
    }

    internal void Encode(ref AxdrWriter writer)
    {
        if (HasData)
        {
            writer.WriteRawByte(DataChoice);
            writer.WriteEncoded(Data.Span);
        }
        else
        {
            writer.WriteRawByte(AccessResultChoice);
            writer.WriteRawByte((byte)AccessResult);
        }
    }

    /// <summary>Compares the alternative, the result code and the data contents.</summary>
    public bool Equals(GetDataResult other) =>
        HasData == other.HasData && AccessResult == other.AccessResult && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GetDataResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(HasData, AccessResult, Data.Length);

    /// <summary>True when both results are equal by <see cref="Equals(GetDataResult)"/>.</summary>
    public static bool operator ==(GetDataResult left, GetDataResult right) => left.Equals(right);

    /// <summary>True when the results differ by <see cref="Equals(GetDataResult)"/>.</summary>
    public static bool operator !=(GetDataResult left, GetDataResult right) => !left.Equals(right);

    /// <summary>"data (n bytes)" or "data-access-result X"; for logs.</summary>
    public override string ToString() => HasData ? $"data ({Data.Length} bytes)" : $"data-access-result {AccessResult}";
}
