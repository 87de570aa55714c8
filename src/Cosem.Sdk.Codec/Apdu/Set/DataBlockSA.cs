using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One block of a long SET value or ACTION parameter/return data (IEC 62056-5-3 §9.5, DataBlock-SA ::= SEQUENCE
/// { last-block BOOLEAN, block-number Unsigned32, raw-data OCTET STRING }). The raw data of all blocks, joined,
/// is the encoded value.
/// </summary>
public readonly struct DataBlockSA : IEquatable<DataBlockSA>
{
    /// <summary>Builds a DataBlock-SA: one block of a SET value or ACTION parameter sent in blocks.</summary>
    public DataBlockSA(bool lastBlock, uint blockNumber, ReadOnlyMemory<byte> rawData)
    {
        LastBlock = lastBlock;
        BlockNumber = blockNumber;
        RawData = rawData;
    }

    /// <summary>last-block: true on the final block.</summary>
    public bool LastBlock { get; }

    /// <summary>block-number (Unsigned32): the number of this block, counted from 1.</summary>
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

    /// <summary>Compares last-block, block number and the raw data contents.</summary>
    public bool Equals(DataBlockSA other) =>
        LastBlock == other.LastBlock && BlockNumber == other.BlockNumber && RawData.Span.SequenceEqual(other.RawData.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DataBlockSA other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(LastBlock, BlockNumber, RawData.Length);

    /// <summary>True when both blocks are equal by <see cref="Equals(DataBlockSA)"/>.</summary>
    public static bool operator ==(DataBlockSA left, DataBlockSA right) => left.Equals(right);

    /// <summary>True when the blocks differ by <see cref="Equals(DataBlockSA)"/>.</summary>
    public static bool operator !=(DataBlockSA left, DataBlockSA right) => !left.Equals(right);
}
