using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>BOOLEAN: one byte, 0 false, anything else true; a true other than 1 is shown as its number.</summary>
internal sealed class BooleanNode : GrammarNode
{
    public static BooleanNode Instance { get; } = new();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context) =>
        target.Set("Value", Format(reader.ReadRawByte(context.Path)));

    public override void Encode(ElementCursor cursor, PduWriter writer) => writer.WriteByte(Parse(cursor));

    public static string Format(byte value) => value switch
    {
        0 => "false",
        1 => "true",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static byte Parse(ElementCursor cursor)
    {
        string text = cursor.Required("Value");
        return text.Trim().ToLowerInvariant() switch
        {
            "false" => 0,
            "true" => 1,
            _ => (byte)cursor.ParseUnsigned("Value", text, 255),
        };
    }
}
