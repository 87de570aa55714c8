using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>
/// A CHOICE encoded in BER: one TLV whose tag picks the alternative, shown as a child element named after it
/// (e.g. result-source-diagnostic: acse-service-user [1] or acse-service-provider [2]). An unknown tag is
/// kept as an Other element with Tag and content in hex.
/// </summary>
internal sealed class BerChoiceNode(params BerField[] alternatives) : GrammarNode
{
    /// <summary>The alternatives by context tag.</summary>
    internal IReadOnlyList<BerField> Alternatives => alternatives;

    private const string Other = "Other";

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int at = reader.AbsolutePosition;
        var tag = BerContent.ReadTag(ref reader, context);
        int single = tag.Length == 1 ? tag[0] : -1;
        var alternative = Array.Find(alternatives, a => a.Tag == single);
        var name = alternative?.Name ?? Other;
        var element = target.Add(name);
        context.Enter(name, at);
        if (alternative is null)
        {
            element.Set("Tag", HexText.Format(tag));
        }
        BerContent.Decode(ref reader, alternative?.Content ?? BerOctetsNode.Instance, element, context);
        context.Leave();
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        var child = cursor.TakeAny("alternative");
        if (child.Element.Name == Other)
        {
            byte[] tag = child.RequiredHex("Tag");
            BerContent.CheckOtherTag(tag, tag.Length == 1 && Array.Exists(alternatives, a => a.Tag == tag[0]), child);
            BerContent.Encode(writer, tag, BerOctetsNode.Instance, child);
        }
        else
        {
            var alternative = Array.Find(alternatives, a => a.Name == child.Element.Name)
                ?? throw child.Error($"<{child.Element.Name}> is not an alternative here; expected one of: {string.Join(", ", alternatives.Select(a => a.Name))}, {Other}.");
            BerContent.Encode(writer, [alternative.Tag], alternative.Content, child);
        }
        child.EnsureConsumed();
    }
}
