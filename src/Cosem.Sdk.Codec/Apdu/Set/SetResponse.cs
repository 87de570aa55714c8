using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// SET.response, tag 197 (IEC 62056-5-3 §9.5, SET-Response ::= CHOICE { set-response-normal [1],
/// set-response-datablock [2], set-response-last-datablock [3], set-response-last-datablock-with-list [4],
/// set-response-with-list [5] }).
/// </summary>
public abstract class SetResponse : Apdu
{
    private protected const byte NormalChoice = 1;
    private protected const byte DataBlockChoice = 2;
    private protected const byte LastDataBlockChoice = 3;
    private protected const byte LastDataBlockWithListChoice = 4;
    private protected const byte WithListChoice = 5;
    private protected const string ChoiceField = "set-response";

    private protected SetResponse(InvokeIdAndPriority invokeIdAndPriority) => InvokeIdAndPriority = invokeIdAndPriority;

    /// <inheritdoc/>
    public sealed override ApduTag Tag => ApduTag.SetResponse;

    /// <summary>invoke-id-and-priority echoed from the SET request being answered.</summary>
    public InvokeIdAndPriority InvokeIdAndPriority { get; init; }

    internal static SetResponse Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition + 1;
        byte choice = ApduFields.PeekServiceChoice(reader, ChoiceField);
        return choice switch
        {
            NormalChoice => SetResponseNormal.Decode(source, ref reader),
            DataBlockChoice => SetResponseDataBlock.Decode(source, ref reader),
            LastDataBlockChoice => SetResponseLastDataBlock.Decode(source, ref reader),
            LastDataBlockWithListChoice => SetResponseLastDataBlockWithList.Decode(source, ref reader),
            WithListChoice => SetResponseWithList.Decode(source, ref reader),
            _ => throw ApduFields.UnknownChoice(at, choice, ChoiceField),
        };
    }
}
