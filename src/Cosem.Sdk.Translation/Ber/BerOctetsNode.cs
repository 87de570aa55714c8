using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>OCTET STRING content (AP titles, AE qualifiers, anything kept as bytes): Value in hex.</summary>
internal sealed class BerOctetsNode : GrammarNode
{
    public static BerOctetsNode Instance { get; } = new();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context) =>
        target.Set("Value", HexText.Format(reader.ReadRemaining()));

    public override void Encode(ElementCursor cursor, PduWriter writer) => writer.WriteBytes(cursor.RequiredHex("Value"));
}
