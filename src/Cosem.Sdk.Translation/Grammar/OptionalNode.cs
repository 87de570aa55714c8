using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// OPTIONAL component: A-XDR presence byte (0 absent, anything else present) then the value. An absent
/// component has no element; a presence byte other than 1 is kept in a PresenceByte attribute.
/// </summary>
internal sealed class OptionalNode(string name, GrammarNode value) : GrammarNode
{
    /// <summary>The component present when the presence byte is non-zero.</summary>
    internal FieldNode Field => _field;

    private readonly FieldNode _field = new(name, value);

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        byte flag = reader.ReadRawByte(context.Path + "/" + _field.Name + " (presence)");
        if (flag == 0)
        {
            return;
        }
        _field.Decode(ref reader, target, context);
        if (flag != 1)
        {
            target.Children[^1].Set("PresenceByte", flag.ToString("X2"));
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        var next = cursor.Peek;
        if (next is null || next.Name != _field.Name)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteByte(PresenceByte(next, cursor.Path));
        _field.Encode(cursor, writer);
    }

    /// <summary>The recorded presence byte of an OPTIONAL or DEFAULT component that is present (1 unless recorded).</summary>
    internal static byte PresenceByte(PduElement element, string parentPath)
    {
        string? recorded = element["PresenceByte"];
        if (recorded is null)
        {
            return 1;
        }
        var cursor = new ElementCursor(element, parentPath);
        byte[] bytes = cursor.ParseHex("PresenceByte", recorded);
        return bytes is [not 0]
            ? bytes[0]
            : throw cursor.Error($"PresenceByte=\"{recorded}\" must be one non-zero byte in hex.");
    }
}
