using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Invokes one method (IEC 62056-5-3 §9.5, Action-Request-Normal): C3 01 ….</summary>
public sealed class ActionRequestNormal : ActionRequest
{
    /// <summary>
    /// Builds an action-request-normal for one method, with its optional encoded parameter
    /// (method-invocation-parameters).
    /// </summary>
    public ActionRequestNormal(
        InvokeIdAndPriority invokeIdAndPriority,
        CosemMethodDescriptor methodDescriptor,
        ReadOnlyMemory<byte>? parameters = null)
        : base(invokeIdAndPriority)
    {
        MethodDescriptor = methodDescriptor;
        Parameters = parameters;
    }

    /// <summary>cosem-method-descriptor: class id, logical name and method id of the method to invoke.</summary>
    public CosemMethodDescriptor MethodDescriptor { get; init; }

    /// <summary>The encoded method-invocation-parameters (one Data value), or null when the method takes none.</summary>
    public ReadOnlyMemory<byte>? Parameters { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NormalChoice, InvokeIdAndPriority);
        MethodDescriptor.Encode(ref writer);
        writer.WriteOptionalFlag(Parameters.HasValue);
        if (Parameters is { } parameters)
        {
            writer.WriteEncoded(parameters.Span);
        }
    }

    internal static new ActionRequestNormal Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionRequest, NormalChoice, ChoiceField);
        var methodDescriptor = CosemMethodDescriptor.Decode(ref reader);
        // The cast matters: a bare null would convert to an empty ReadOnlyMemory rather than to "absent".
        ReadOnlyMemory<byte>? parameters = reader.ReadOptionalFlag("method-invocation-parameters")
            ? (ReadOnlyMemory<byte>?)ApduFields.ReadData(source, ref reader)
            : null;
        return new ActionRequestNormal(invokeId, methodDescriptor, parameters);
    }
}
