using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Acknowledges the last block of a long SET with its result (IEC 62056-5-3 §9.5, Set-Response-Last-Datablock): C5 03 ….</summary>
public sealed class SetResponseLastDataBlock : SetResponse
{
    /// <summary>Builds a set-response-last-datablock: the result of a SET whose value was sent in blocks.</summary>
    public SetResponseLastDataBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        DataAccessResult result,
        uint blockNumber)
        : base(invokeIdAndPriority)
    {
        Result = result;
        BlockNumber = blockNumber;
    }

    /// <summary>result: the data-access-result of the write.</summary>
    public DataAccessResult Result { get; init; }

    /// <summary>block-number of the last block received.</summary>
    public uint BlockNumber { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, LastDataBlockChoice, InvokeIdAndPriority);
        writer.WriteRawByte((byte)Result);
        writer.WriteRawUInt32(BlockNumber);
    }

    internal static new SetResponseLastDataBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetResponse, LastDataBlockChoice, ChoiceField);
        var result = (DataAccessResult)reader.ReadRawByte("result");
        var blockNumber = reader.ReadRawUInt32("block-number");
        return new SetResponseLastDataBlock(invokeId, result, blockNumber);
    }
}
