using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One block of a long SET value or ACTION parameter/return data (IEC 62056-5-3 §9.5, DataBlock-SA ::= SEQUENCE
/// { last-block BOOLEAN, block-number Unsigned32, raw-data OCTET STRING }). The raw data of all blocks, joined,
/// is the encoded value.
/// </summary>
public readonly struct DataBlockSA : IEquatable<DataBlockSA>
{
    public DataBlockSA(bool lastBlock, uint blockNumber, ReadOnlyMemory<byte> rawData)
    {
        LastBlock = lastBlock;
        BlockNumber = blockNumber;
        RawData = rawData;
    }

    public bool LastBlock { get; }

    public uint BlockNumber { get; }

    /// <summary>A slice of the encoded value.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    internal static DataBlockSA Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader, string field)
    {
        bool lastBlock = ApduFields.ReadBoolean(ref reader, field + " last-block");
        uint blockNumber = reader.ReadRawUInt32(field + " block-number");
        return new DataBlockSA(lastBlock, blockNumber, ApduFields.ReadOctetString(source, ref reader, field + " raw-data"));
    }

    internal void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteBoolean(ref writer, LastBlock);
        writer.WriteRawUInt32(BlockNumber);
        ApduFields.WriteOctetString(ref writer, RawData.Span);
    }

    public bool Equals(DataBlockSA other) =>
        LastBlock == other.LastBlock && BlockNumber == other.BlockNumber && RawData.Span.SequenceEqual(other.RawData.Span);

    public override bool Equals(object? obj) => obj is DataBlockSA other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(LastBlock, BlockNumber, RawData.Length);

    public static bool operator ==(DataBlockSA left, DataBlockSA right) => left.Equals(right);

    public static bool operator !=(DataBlockSA left, DataBlockSA right) => !left.Equals(right);
}
