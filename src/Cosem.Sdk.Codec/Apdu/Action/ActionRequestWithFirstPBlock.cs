using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Starts invoking one method whose parameters do not fit one APDU (IEC 62056-5-3 §9.5, Action-Request-With-First-Pblock): C3 04 ….</summary>
public sealed class ActionRequestWithFirstPBlock : ActionRequest
{
    /// <summary>
    /// Builds an action-request-with-first-pblock: the method and the first block of a parameter too long for one APDU.
    /// </summary>
    public ActionRequestWithFirstPBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        CosemMethodDescriptor methodDescriptor,
        DataBlockSA pBlock)
        : base(invokeIdAndPriority)
    {
        MethodDescriptor = methodDescriptor;
        PBlock = pBlock;
    }

    /// <summary>cosem-method-descriptor of the method whose parameter is being sent in blocks.</summary>
    public CosemMethodDescriptor MethodDescriptor { get; init; }

    /// <summary>pblock: the first block (block-number 1) of the encoded method-invocation-parameters.</summary>
    public DataBlockSA PBlock { get; init; }

    /// <inheritdoc/>
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
