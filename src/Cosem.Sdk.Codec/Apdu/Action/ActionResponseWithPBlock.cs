using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>One block of long ACTION return data (IEC 62056-5-3 §9.5, Action-Response-With-Pblock): C7 02 ….</summary>
public sealed class ActionResponseWithPBlock : ActionResponse
{
    /// <summary>Builds an action-response-with-pblock carrying one block of a response too long for one APDU.</summary>
    public ActionResponseWithPBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        DataBlockSA pBlock)
        : base(invokeIdAndPriority)
    {
        PBlock = pBlock;
    }

    /// <summary>pblock: this block of the encoded response; the last one has last-block set.</summary>
    public DataBlockSA PBlock { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithPBlockChoice, InvokeIdAndPriority);
        PBlock.Encode(ref writer);
    }

    internal static new ActionResponseWithPBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionResponse, WithPBlockChoice, ChoiceField);
        var pBlock = DataBlockSA.Decode(source, ref reader, "pblock");
        return new ActionResponseWithPBlock(invokeId, pBlock);
    }
}
