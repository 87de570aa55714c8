using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// ACTION.request, tag 195 (IEC 62056-5-3 §9.5, ACTION-Request ::= CHOICE { action-request-normal [1],
/// action-request-next-pblock [2], action-request-with-list [3], action-request-with-first-pblock [4],
/// action-request-with-list-and-first-pblock [5], action-request-with-pblock [6] }).
/// </summary>
public abstract class ActionRequest : Apdu
{
    private protected const byte NormalChoice = 1;
    private protected const byte NextPBlockChoice = 2;
    private protected const byte WithListChoice = 3;
    private protected const byte WithFirstPBlockChoice = 4;
    private protected const byte WithListAndFirstPBlockChoice = 5;
    private protected const byte WithPBlockChoice = 6;
    private protected const string ChoiceField = "action-request";

    private protected ActionRequest(InvokeIdAndPriority invokeIdAndPriority) => InvokeIdAndPriority = invokeIdAndPriority;

    /// <inheritdoc/>
    public sealed override ApduTag Tag => ApduTag.ActionRequest;

    /// <summary>
    /// invoke-id-and-priority: the 4-bit invoke-id matching the response, service class (confirmed) and priority.
    /// </summary>
    public InvokeIdAndPriority InvokeIdAndPriority { get; init; }

    internal static ActionRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition + 1;
        byte choice = ApduFields.PeekServiceChoice(reader, ChoiceField);
        return choice switch
        {
            NormalChoice => ActionRequestNormal.Decode(source, ref reader),
            NextPBlockChoice => ActionRequestNextPBlock.Decode(source, ref reader),
            WithListChoice => ActionRequestWithList.Decode(source, ref reader),
            WithFirstPBlockChoice => ActionRequestWithFirstPBlock.Decode(source, ref reader),
            WithListAndFirstPBlockChoice => ActionRequestWithListAndFirstPBlock.Decode(source, ref reader),
            WithPBlockChoice => ActionRequestWithPBlock.Decode(source, ref reader),
            _ => throw ApduFields.UnknownChoice(at, choice, ChoiceField),
        };
    }
}
