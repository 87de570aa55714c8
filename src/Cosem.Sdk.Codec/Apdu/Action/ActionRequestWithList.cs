using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Invokes several methods at once (IEC 62056-5-3 §9.5, Action-Request-With-List): C3 03 ….</summary>
public sealed class ActionRequestWithList : ActionRequest
{
    /// <summary>Builds an action-request-with-list: several methods, with one encoded parameter each.</summary>
    public ActionRequestWithList(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<CosemMethodDescriptor> methodDescriptors,
        IReadOnlyList<ReadOnlyMemory<byte>> parameters)
        : base(invokeIdAndPriority)
    {
        MethodDescriptors = methodDescriptors ?? throw new ArgumentNullException(nameof(methodDescriptors));
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    }

    /// <summary>
    /// cosem-method-descriptor-list: the methods to invoke, in order; the parameter list has one entry per method.
    /// </summary>
    public IReadOnlyList<CosemMethodDescriptor> MethodDescriptors { get; init; }

    /// <summary>One encoded Data value per method (null-data when a method takes no parameters).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Parameters { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListChoice, InvokeIdAndPriority);
        ApduFields.WriteMethodDescriptors(ref writer, MethodDescriptors);
        ApduFields.WriteDataList(ref writer, Parameters);
    }

    internal static new ActionRequestWithList Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionRequest, WithListChoice, ChoiceField);
        var methodDescriptors = ApduFields.ReadMethodDescriptors(ref reader, "cosem-method-descriptor-list");
        var parameters = ApduFields.ReadDataList(source, ref reader, "method-invocation-parameters");
        return new ActionRequestWithList(invokeId, methodDescriptors, parameters);
    }
}
