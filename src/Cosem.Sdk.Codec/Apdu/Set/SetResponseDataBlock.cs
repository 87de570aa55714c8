using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Acknowledges one block of a long SET (IEC 62056-5-3 §9.5, Set-Response-Datablock): C5 02 ….</summary>
public sealed class SetResponseDataBlock : SetResponse
{
    /// <summary>
    /// Builds a set-response-datablock acknowledging block <paramref name="blockNumber"/> of a SET sent in blocks.
    /// </summary>
    public SetResponseDataBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        uint blockNumber)
        : base(invokeIdAndPriority)
    {
        BlockNumber = blockNumber;
    }

    /// <summary>block-number of the value block the server received; the client sends the next one.</summary>
    public uint BlockNumber { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, DataBlockChoice, InvokeIdAndPriority);
        writer.WriteRawUInt32(BlockNumber);
    }

    internal static new SetResponseDataBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetResponse, DataBlockChoice, ChoiceField);
        var blockNumber = reader.ReadRawUInt32("block-number");
        return new SetResponseDataBlock(invokeId, blockNumber);
    }
}
