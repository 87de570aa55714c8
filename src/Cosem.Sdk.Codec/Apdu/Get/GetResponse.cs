using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// GET.response, tag 196 (IEC 62056-5-3 §9.5, GET-Response ::= CHOICE { get-response-normal [1],
/// get-response-with-datablock [2], get-response-with-list [3] }).
/// </summary>
public abstract class GetResponse : Apdu
{
    private protected const byte NormalChoice = 1;
    private protected const byte WithDataBlockChoice = 2;
    private protected const byte WithListChoice = 3;
    private protected const string ChoiceField = "get-response";

    private protected GetResponse(InvokeIdAndPriority invokeIdAndPriority) => InvokeIdAndPriority = invokeIdAndPriority;

    /// <inheritdoc/>
    public sealed override ApduTag Tag => ApduTag.GetResponse;

    /// <summary>invoke-id-and-priority echoed from the GET request being answered.</summary>
    public InvokeIdAndPriority InvokeIdAndPriority { get; init; }

    internal static GetResponse Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition + 1;
        byte choice = ApduFields.PeekServiceChoice(reader, ChoiceField);
        return choice switch
        {
            NormalChoice => GetResponseNormal.Decode(source, ref reader),
            WithDataBlockChoice => GetResponseWithDataBlock.Decode(source, ref reader),
            WithListChoice => GetResponseWithList.Decode(source, ref reader),
            _ => throw ApduFields.UnknownChoice(at, choice, ChoiceField),
        };
    }
}
