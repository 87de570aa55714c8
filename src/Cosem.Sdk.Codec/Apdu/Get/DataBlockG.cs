using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One block of a long GET response (IEC 62056-5-3 §9.5, DataBlock-G ::= SEQUENCE { last-block BOOLEAN,
/// block-number Unsigned32, result CHOICE { raw-data [0] OCTET STRING, data-access-result [1] Data-Access-Result } }).
/// The raw data of all blocks, joined, is the encoded value.
/// </summary>
public readonly struct DataBlockG : IEquatable<DataBlockG>
{
    private const byte RawDataChoice = 0;
    private const byte AccessResultChoice = 1;

    private DataBlockG(bool lastBlock, uint blockNumber, bool hasRawData, ReadOnlyMemory<byte> rawData, DataAccessResult accessResult)
    {
        LastBlock = lastBlock;
        BlockNumber = blockNumber;
        HasRawData = hasRawData;
        RawData = rawData;
        AccessResult = accessResult;
    }

    /// <summary>last-block: true on the final block of the response.</summary>
    public bool LastBlock { get; }

    /// <summary>block-number (Unsigned32): the number of this block, counted from 1.</summary>
    public uint BlockNumber { get; }

    /// <summary>True when the block carries raw data; false when <see cref="AccessResult"/> reports a failure.</summary>
    public bool HasRawData { get; }

    /// <summary>A slice of the encoded value; empty when <see cref="HasRawData"/> is false.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>
    /// data-access-result: why the block could not be delivered; meaningful only when there is no raw data.
    /// </summary>
    public DataAccessResult AccessResult { get; }

    /// <summary>A DataBlock-G carrying raw-data: a slice of the encoded response.</summary>
    public static DataBlockG WithRawData(bool lastBlock, uint blockNumber, ReadOnlyMemory<byte> rawData) =>
        new(lastBlock, blockNumber, true, rawData, DataAccessResult.Success);

    /// <summary>A DataBlock-G carrying data-access-result: the server could not deliver the block.</summary>
    public static DataBlockG WithAccessResult(bool lastBlock, uint blockNumber, DataAccessResult accessResult) =>
        new(lastBlock, blockNumber, false, default, accessResult);

    internal static DataBlockG Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        bool lastBlock = ApduFields.ReadBoolean(ref reader, "last-block");
        uint blockNumber = reader.ReadRawUInt32("block-number");
        int at = reader.AbsolutePosition;
        byte choice = reader.ReadRawByte("result");
        return choice switch
        {
            RawDataChoice => WithRawData(lastBlock, blockNumber, ApduFields.ReadOctetString(source, ref reader, "raw-data")),
            AccessResultChoice => WithAccessResult(lastBlock, blockNumber, (DataAccessResult)reader.ReadRawByte("data-access-result")),
            _ => throw ApduFields.UnknownChoice(at, choice, "result"),
        };
    }

    internal void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteBoolean(ref writer, LastBlock);
        writer.WriteRawUInt32(BlockNumber);
        if (HasRawData)
        {
            writer.WriteRawByte(RawDataChoice);
            ApduFields.WriteOctetString(ref writer, RawData.Span);
        }
        else
        {
            writer.WriteRawByte(AccessResultChoice);
            writer.WriteRawByte((byte)AccessResult);
        }
    }

    /// <summary>Compares last-block, block number, the result alternative and the raw data contents.</summary>
    public bool Equals(DataBlockG other) =>
        LastBlock == other.LastBlock && BlockNumber == other.BlockNumber && HasRawData == other.HasRawData &&
        AccessResult == other.AccessResult && RawData.Span.SequenceEqual(other.RawData.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DataBlockG other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(LastBlock, BlockNumber, HasRawData, AccessResult, RawData.Length);

    /// <summary>True when both blocks are equal by <see cref="Equals(DataBlockG)"/>.</summary>
    public static bool operator ==(DataBlockG left, DataBlockG right) => left.Equals(right);

    /// <summary>True when the blocks differ by <see cref="Equals(DataBlockG)"/>.</summary>
    public static bool operator !=(DataBlockG left, DataBlockG right) => !left.Equals(right);
}
