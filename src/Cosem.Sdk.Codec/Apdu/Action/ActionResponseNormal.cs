using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>The result of one method, with optional return parameters (IEC 62056-5-3 §9.5, Action-Response-Normal): C7 01 ….</summary>
public sealed class ActionResponseNormal : ActionResponse
{
    /// <summary>Builds an action-response-normal answering one method invocation.</summary>
    public ActionResponseNormal(
        InvokeIdAndPriority invokeIdAndPriority,
        ActionResponseWithOptionalData response)
        : base(invokeIdAndPriority)
    {
        Response = response;
    }

    /// <summary>single-response: the action-result and optional return parameters of the method.</summary>
    public ActionResponseWithOptionalData Response { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NormalChoice, InvokeIdAndPriority);
        Response.Encode(ref writer);
    }

    internal static new ActionResponseNormal Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionResponse, NormalChoice, ChoiceField);
        var response = ActionResponseWithOptionalData.Decode(source, ref reader);
        return new ActionResponseNormal(invokeId, response);
    }
}
