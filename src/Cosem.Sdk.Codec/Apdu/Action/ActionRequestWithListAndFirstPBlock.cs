using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Starts invoking several methods whose parameters do not fit one APDU (IEC 62056-5-3 §9.5, Action-Request-With-List-And-First-Pblock): C3 05 ….</summary>
public sealed class ActionRequestWithListAndFirstPBlock : ActionRequest
{
    /// <summary>
    /// Builds an action-request-with-list-and-first-pblock: several methods, with their parameters sent in blocks.
    /// </summary>
    public ActionRequestWithListAndFirstPBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<CosemMethodDescriptor> methodDescriptors,
        DataBlockSA pBlock)
        : base(invokeIdAndPriority)
    {
        MethodDescriptors = methodDescriptors ?? throw new ArgumentNullException(nameof(methodDescriptors));
        PBlock = pBlock;
    }

    /// <summary>cosem-method-descriptor-list: the methods whose parameters follow in blocks.</summary>
    public IReadOnlyList<CosemMethodDescriptor> MethodDescriptors { get; init; }

    /// <summary>pblock: the first block of the encoded parameter list.</summary>
    public DataBlockSA PBlock { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListAndFirstPBlockChoice, InvokeIdAndPriority);
        ApduFields.WriteMethodDescriptors(ref writer, MethodDescriptors);
        PBlock.Encode(ref writer);
    }

    internal static new ActionRequestWithListAndFirstPBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionRequest, WithListAndFirstPBlockChoice, ChoiceField);
        var methodDescriptors = ApduFields.ReadMethodDescriptors(ref reader, "cosem-method-descriptor-list");
        var pBlock = DataBlockSA.Decode(source, ref reader, "pblock");
        return new ActionRequestWithListAndFirstPBlock(invokeId, methodDescriptors, pBlock);
    }
}
