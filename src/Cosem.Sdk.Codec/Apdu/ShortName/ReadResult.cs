using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One item of a ReadResponse (IEC 62056-5-3 §9.5, CHOICE { data [0] Data, data-access-error [1] Data-Access-Result,
/// data-block-result [2] { last-block BOOLEAN, block-number Unsigned16, raw-data OCTET STRING },
/// block-number [3] Unsigned16 }).
/// </summary>
public readonly struct ReadResult : IEquatable<ReadResult>
{
    private ReadResult(ReadResultKind kind, ReadOnlyMemory<byte> data, DataAccessResult error, bool lastBlock, ushort blockNumber)
    {
        Kind = kind;
        Data = data;
        Error = error;
        LastBlock = lastBlock;
        BlockNumber = blockNumber;
    }

    /// <summary>Which Read-Result CHOICE alternative this is, and so which properties are meaningful.</summary>
    public ReadResultKind Kind { get; }

    /// <summary>For <see cref="ReadResultKind.Data"/>: one encoded Data value; for data-block-result: the raw data.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>For <see cref="ReadResultKind.DataAccessError"/>.</summary>
    public DataAccessResult Error { get; }

    /// <summary>For <see cref="ReadResultKind.DataBlockResult"/>.</summary>
    public bool LastBlock { get; }

    /// <summary>For <see cref="ReadResultKind.DataBlockResult"/> and <see cref="ReadResultKind.BlockNumber"/>.</summary>
    public ushort BlockNumber { get; }

    /// <summary>data [0]: the encoded Data value read.</summary>
    public static ReadResult FromData(ReadOnlyMemory<byte> data) => new(ReadResultKind.Data, data, default, false, 0);

    /// <summary>data-access-error [1]: why the variable could not be read.</summary>
    public static ReadResult FromError(DataAccessResult error) => new(ReadResultKind.DataAccessError, default, error, false, 0);

    /// <summary>data-block-result [2]: one block of a long read result, with last-block and block-number.</summary>
    public static ReadResult FromDataBlock(bool lastBlock, ushort blockNumber, ReadOnlyMemory<byte> rawData) =>
        new(ReadResultKind.DataBlockResult, rawData, default, lastBlock, blockNumber);

    /// <summary>
    /// block-number [3]: the server acknowledges a block of a long read parameter (read-data-block-access) and waits
    /// for the next.
    /// </summary>
    public static ReadResult FromBlockNumber(ushort blockNumber) => new(ReadResultKind.BlockNumber, default, default, false, blockNumber);

    internal static ReadResult Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var kind = (ReadResultKind)reader.ReadRawByte("read-response");
        switch (kind)
        {
            case ReadResultKind.Data:
                return FromData(ApduFields.ReadData(source, ref reader));
            case ReadResultKind.DataAccessError:
                return FromError((DataAccessResult)reader.ReadRawByte("data-access-error"));
            case ReadResultKind.DataBlockResult:
                bool last = ApduFields.ReadBoolean(ref reader, "last-block");
                ushort number = reader.ReadRawUInt16("block-number");
                return FromDataBlock(last, number, ApduFields.ReadOctetString(source, ref reader, "raw-data"));
            case ReadResultKind.BlockNumber:
                return FromBlockNumber(reader.ReadRawUInt16("block-number"));
            default:
                throw ApduFields.UnknownChoice(at, (byte)kind, "read-response");
        }
    }

    internal void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Kind);
        switch (Kind)
        {
            case ReadResultKind.Data:
                writer.WriteEncoded(Data.Span);
                break;
            case ReadResultKind.DataAccessError:
                writer.WriteRawByte((byte)Error);
                break;
            case ReadResultKind.DataBlockResult:
                ApduFields.WriteBoolean(ref writer, LastBlock);
                writer.WriteRawUInt16(BlockNumber);
                ApduFields.WriteOctetString(ref writer, Data.Span);
                break;
            default:
                writer.WriteRawUInt16(BlockNumber);
                break;
        }
    }

    /// <summary>Compares the alternative and the fields meaningful to it, data contents included.</summary>
    public bool Equals(ReadResult other) =>
        Kind == other.Kind && Error == other.Error && LastBlock == other.LastBlock && BlockNumber == other.BlockNumber &&
        Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReadResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Error, LastBlock, BlockNumber, Data.Length);

    /// <summary>True when both results are equal by <see cref="Equals(ReadResult)"/>.</summary>
    public static bool operator ==(ReadResult left, ReadResult right) => left.Equals(right);

    /// <summary>True when the results differ by <see cref="Equals(ReadResult)"/>.</summary>
    public static bool operator !=(ReadResult left, ReadResult right) => !left.Equals(right);
}
