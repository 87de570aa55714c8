using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>
/// An EXPLICIT tag's content: one inner TLV whose universal tag the ASN.1 fixes (e.g. 06 OBJECT IDENTIFIER
/// inside application-context-name [1]). The inner value is shown on the same element. An unexpected inner
/// tag is kept in InnerTag with the content in hex.
/// </summary>
internal sealed class BerExplicitNode(byte innerTag, GrammarNode inner) : GrammarNode
{
    /// <summary>The universal tag expected inside the explicit tag.</summary>
    internal byte InnerTag => innerTag;
    /// <summary>The node of the inner value.</summary>
    internal GrammarNode Inner => inner;

    private const string InnerLength = "InnerLengthBytes";

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        var tag = BerContent.ReadTag(ref reader, context);
        if (tag is [var single] && single == innerTag)
        {
            BerContent.Decode(ref reader, inner, target, context, InnerLength);
            return;
        }
        target.Set("InnerTag", HexText.Format(tag));
        BerContent.Decode(ref reader, BerOctetsNode.Instance, target, context, InnerLength);
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        if (cursor.Attribute("InnerTag") is { } recorded)
        {
            BerContent.Encode(writer, cursor.ParseHex("InnerTag", recorded), BerOctetsNode.Instance, cursor, InnerLength);
            return;
        }
        BerContent.Encode(writer, [innerTag], inner, cursor, InnerLength);
    }
}
