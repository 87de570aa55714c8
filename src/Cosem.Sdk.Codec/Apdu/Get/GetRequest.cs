using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// GET.request, tag 192 (IEC 62056-5-3 §9.5, GET-Request ::= CHOICE { get-request-normal [1],
/// get-request-next [2], get-request-with-list [3] }).
/// </summary>
public abstract class GetRequest : Apdu
{
    private protected const byte NormalChoice = 1;
    private protected const byte NextChoice = 2;
    private protected const byte WithListChoice = 3;
    private protected const string ChoiceField = "get-request";

    private protected GetRequest(InvokeIdAndPriority invokeIdAndPriority) => InvokeIdAndPriority = invokeIdAndPriority;

    /// <inheritdoc/>
    public sealed override ApduTag Tag => ApduTag.GetRequest;

    /// <summary>
    /// invoke-id-and-priority: the 4-bit invoke-id matching the response, service class (confirmed) and priority.
    /// </summary>
    public InvokeIdAndPriority InvokeIdAndPriority { get; init; }

    internal static GetRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition + 1;
        byte choice = ApduFields.PeekServiceChoice(reader, ChoiceField);
        return choice switch
        {
            NormalChoice => GetRequestNormal.Decode(source, ref reader),
            NextChoice => GetRequestNext.Decode(source, ref reader),
            WithListChoice => GetRequestWithList.Decode(source, ref reader),
            _ => throw ApduFields.UnknownChoice(at, choice, ChoiceField),
        };
    }
}
