using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Asks for the next block of a long ACTION response (IEC 62056-5-3 §9.5, Action-Request-Next-Pblock): C3 02 ….</summary>
public sealed class ActionRequestNextPBlock : ActionRequest
{
    /// <summary>
    /// Builds an action-request-next-pblock that acknowledges <paramref name="blockNumber"/> and asks the server for
    /// the next block of the response.
    /// </summary>
    public ActionRequestNextPBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        uint blockNumber)
        : base(invokeIdAndPriority)
    {
        BlockNumber = blockNumber;
    }

    /// <summary>block-number of the last response block received; the server answers with the block after it.</summary>
    public uint BlockNumber { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NextPBlockChoice, InvokeIdAndPriority);
        writer.WriteRawUInt32(BlockNumber);
    }

    internal static new ActionRequestNextPBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionRequest, NextPBlockChoice, ChoiceField);
        var blockNumber = reader.ReadRawUInt32("block-number");
        return new ActionRequestNextPBlock(invokeId, blockNumber);
    }
}
