using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Acknowledges one block of long ACTION parameters (IEC 62056-5-3 §9.5, Action-Response-Next-Pblock): C7 04 ….</summary>
public sealed class ActionResponseNextPBlock : ActionResponse
{
    /// <summary>
    /// Builds an action-response-next-pblock, acknowledging parameter block <paramref name="blockNumber"/> and asking
    /// the client for the next.
    /// </summary>
    public ActionResponseNextPBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        uint blockNumber)
        : base(invokeIdAndPriority)
    {
        BlockNumber = blockNumber;
    }

    /// <summary>block-number of the last parameter block the server received.</summary>
    public uint BlockNumber { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NextPBlockChoice, InvokeIdAndPriority);
        writer.WriteRawUInt32(BlockNumber);
    }

    internal static new ActionResponseNextPBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionResponse, NextPBlockChoice, ChoiceField);
        var blockNumber = reader.ReadRawUInt32("block-number");
        return new ActionResponseNextPBlock(invokeId, blockNumber);
    }
}
