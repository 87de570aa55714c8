using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>One result per invoked method (IEC 62056-5-3 §9.5, Action-Response-With-List): C7 03 ….</summary>
public sealed class ActionResponseWithList : ActionResponse
{
    /// <summary>Builds an action-response-with-list, one result per method of the request.</summary>
    public ActionResponseWithList(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<ActionResponseWithOptionalData> responses)
        : base(invokeIdAndPriority)
    {
        Responses = responses ?? throw new ArgumentNullException(nameof(responses));
    }

    /// <summary>
    /// list-of-responses: one action-result with optional return parameters per method, in request order.
    /// </summary>
    public IReadOnlyList<ActionResponseWithOptionalData> Responses { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListChoice, InvokeIdAndPriority);
        ActionResponseWithOptionalData.EncodeList(ref writer, Responses);
    }

    internal static new ActionResponseWithList Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.ActionResponse, WithListChoice, ChoiceField);
        var responses = ActionResponseWithOptionalData.DecodeList(source, ref reader);
        return new ActionResponseWithList(invokeId, responses);
    }
}
