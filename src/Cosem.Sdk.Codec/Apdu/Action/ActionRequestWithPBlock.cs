using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Carries a further block of long ACTION parameters (IEC 62056-5-3 §9.5, Action-Request-With-Pblock): C3 06 ….</summary>
public sealed class ActionRequestWithPBlock : ActionRequest
{
    /// <summary>Builds an action-request-with-pblock carrying a further block of method parameters.</summary>
    public ActionRequestWithPBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        DataBlockSA pBlock)
        : base(invokeIdAndPriority)
    {
        PBlock = pBlock;
    }

    /// <summary>pblock: the next block of the method parameters, numbered from the first block sent.</summary>
    public DataBlockSA PBlock { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithPBlockChoice, InvokeIdAndPriority);
        PBlock.Encode(ref writer);
    }

    internal static new ActionRequestWithPBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionRequest, WithPBlockChoice, ChoiceField);
        var pBlock = DataBlockSA.Decode(source, ref reader, "pblock");
        return new ActionRequestWithPBlock(invokeId, pBlock);
    }
}
