using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Starts invoking one method whose parameters do not fit one APDU (IEC 62056-5-3 §9.5, Action-Request-With-First-Pblock): C3 04 ….</summary>
public sealed class ActionRequestWithFirstPBlock : ActionRequest
{
    public ActionRequestWithFirstPBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        CosemMethodDescriptor methodDescriptor,
        DataBlockSA pBlock)
        : base(invokeIdAndPriority)
    {
        MethodDescriptor = methodDescriptor;
        PBlock = pBlock;
    }

    public CosemMethodDescriptor MethodDescriptor { get; init; }

    public DataBlockSA PBlock { get; init; }

    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithFirstPBlockChoice, InvokeIdAndPriority);
        MethodDescriptor.Encode(ref writer);
        PBlock.Encode(ref writer);
    }

    internal static new ActionRequestWithFirstPBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionRequest, WithFirstPBlockChoice, ChoiceField);
        var methodDescriptor = CosemMethodDescriptor.Decode(ref reader);
        var pBlock = DataBlockSA.Decode(source, ref reader, "pblock");
        return new ActionRequestWithFirstPBlock(invokeId, methodDescriptor, pBlock);
    }
}
