using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// SET.request, tag 193 (IEC 62056-5-3 §9.5, SET-Request ::= CHOICE { set-request-normal [1],
/// set-request-with-first-datablock [2], set-request-with-datablock [3], set-request-with-list [4],
/// set-request-with-list-and-first-datablock [5] }).
/// </summary>
public abstract class SetRequest : Apdu
{
    private protected const byte NormalChoice = 1;
    private protected const byte WithFirstDataBlockChoice = 2;
    private protected const byte WithDataBlockChoice = 3;
    private protected const byte WithListChoice = 4;
    private protected const byte WithListAndFirstDataBlockChoice = 5;
    private protected const string ChoiceField = "set-request";

    private protected SetRequest(InvokeIdAndPriority invokeIdAndPriority) => InvokeIdAndPriority = invokeIdAndPriority;

    /// <inheritdoc/>
    public sealed override ApduTag Tag => ApduTag.SetRequest;

    /// <summary>
    /// invoke-id-and-priority: the 4-bit invoke-id matching the response, service class (confirmed) and priority.
    /// </summary>
    public InvokeIdAndPriority InvokeIdAndPriority { get; init; }

    internal static SetRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition + 1;
        byte choice = ApduFields.PeekServiceChoice(reader, ChoiceField);
        return choice switch
        {
            NormalChoice => SetRequestNormal.Decode(source, ref reader),
            WithFirstDataBlockChoice => SetRequestWithFirstDataBlock.Decode(source, ref reader),
            WithDataBlockChoice => SetRequestWithDataBlock.Decode(source, ref reader),
            WithListChoice => SetRequestWithList.Decode(source, ref reader),
            WithListAndFirstDataBlockChoice => SetRequestWithListAndFirstDataBlock.Decode(source, ref reader),
            _ => throw ApduFields.UnknownChoice(at, choice, ChoiceField),
        };
    }
}
