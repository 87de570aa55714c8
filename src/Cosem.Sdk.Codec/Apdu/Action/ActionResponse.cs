using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// ACTION.response, tag 199 (IEC 62056-5-3 §9.5, ACTION-Response ::= CHOICE { action-response-normal [1],
/// action-response-with-pblock [2], action-response-with-list [3], action-response-next-pblock [4] }).
/// </summary>
public abstract class ActionResponse : Apdu
{
    private protected const byte NormalChoice = 1;
    private protected const byte WithPBlockChoice = 2;
    private protected const byte WithListChoice = 3;
    private protected const byte NextPBlockChoice = 4;
    private protected const string ChoiceField = "action-response";

    private protected ActionResponse(InvokeIdAndPriority invokeIdAndPriority) => InvokeIdAndPriority = invokeIdAndPriority;

    /// <inheritdoc/>
    public sealed override ApduTag Tag => ApduTag.ActionResponse;

    /// <summary>invoke-id-and-priority echoed from the ACTION request being answered.</summary>
    public InvokeIdAndPriority InvokeIdAndPriority { get; init; }

    internal static ActionResponse Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition + 1;
        byte choice = ApduFields.PeekServiceChoice(reader, ChoiceField);
        return choice switch
        {
            NormalChoice => ActionResponseNormal.Decode(source, ref reader),
            WithPBlockChoice => ActionResponseWithPBlock.Decode(source, ref reader),
            WithListChoice => ActionResponseWithList.Decode(source, ref reader),
            NextPBlockChoice => ActionResponseNextPBlock.Decode(source, ref reader),
            _ => throw ApduFields.UnknownChoice(at, choice, ChoiceField),
        };
    }
}
