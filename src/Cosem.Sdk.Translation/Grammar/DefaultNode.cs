using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// Component with a DEFAULT value: A-XDR writes 0 when the default applies, else a presence byte and the
/// value. The element is always shown; Default="true" marks that the value was not on the wire.
/// </summary>
internal sealed class DefaultNode(string name, GrammarNode value, string defaultValue) : GrammarNode
{
    /// <summary>The component present when the presence byte is non-zero.</summary>
    internal FieldNode Field => _field;
    /// <summary>The value meant when the component is absent.</summary>
    internal string DefaultValue => defaultValue;

    private readonly FieldNode _field = new(name, value);

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        byte flag = reader.ReadRawByte(context.Path + "/" + _field.Name + " (presence)");
        if (flag == 0)
        {
            target.Add(_field.Name).Set("Value", defaultValue).Set("Default", "true");
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
        if (next["Default"] is { } isDefault && new ElementCursor(next, cursor.Path).ParseBoolean("Default", isDefault))
        {
            cursor.Take(_field.Name);
            writer.WriteByte(0);
            return;
        }
        writer.WriteByte(OptionalNode.PresenceByte(next, cursor.Path));
        _field.Encode(cursor, writer);
    }
}
