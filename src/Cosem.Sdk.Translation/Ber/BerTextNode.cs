using System.Text;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>GraphicString content (a password, implementation information): Value as text when printable ASCII, else Hex.</summary>
internal sealed class BerTextNode : GrammarNode
{
    public static BerTextNode Instance { get; } = new();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        var bytes = reader.ReadRemaining();
        if (bytes.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            target.Set("Hex", HexText.Format(bytes));
        }
        else
        {
            target.Set("Value", Encoding.ASCII.GetString(bytes));
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer) =>
        writer.WriteBytes(cursor.Attribute("Hex") is { } hex ? cursor.ParseHex("Hex", hex) : Encoding.Latin1.GetBytes(cursor.Required("Value")));
}
