using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// SEQUENCE OF: A-XDR length (the item count) then the items. Owns the children of the element it is given:
/// each item adds exactly one child. A Count attribute is shown for reading and ignored when encoding.
/// </summary>
internal sealed class SequenceOfNode(GrammarNode item) : GrammarNode
{
    /// <summary>The node of one item.</summary>
    internal GrammarNode Item => item;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int count = Length.DecodeBounded(ref reader, target, context);
        target.Set("Count", count.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < count; i++)
        {
            item.Decode(ref reader, target, context);
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        int count = cursor.RemainingCount;
        Length.Encode(writer, count, cursor);
        while (cursor.HasMore)
        {
            item.Encode(cursor, writer);
        }
    }
}
