using Cosem.Sdk.Axdr;
using Cosem.Studio.Schema;

namespace Cosem.Studio.Values;

// Editors built from the schema's declared type: structure fields by name, enumerations and flags by name, arrays that
// add items of their declared item type (even when empty), and the hex A-XDR editor as the advanced fallback.
public sealed partial class ValueNode
{
    private SchemaType? _type;
    private SchemaType? _itemType;

    /// <summary>The schema type the editor was built from, when known.</summary>
    public SchemaType? SchemaType => _type;

    /// <summary>The hex A-XDR editor that replaces the typed one while <see cref="EditAsAxdr"/> is on; null otherwise.</summary>
    public ValueNode? AxdrEditor { get; private set; }

    /// <summary>
    /// The typed editor of <paramref name="type"/>, filled from <paramref name="value"/> (the value read, or
    /// <see cref="SchemaType.DefaultValue"/>). A value whose shape disagrees with the schema (a meter that sends another
    /// type) keeps its own shape: the editor writes back what the meter uses.
    /// </summary>
    public static ValueNode FromType(CosemData value, string label, SchemaType type)
    {
        ValueNode node;
        if (type.IsOpaque)
        {
            // "data" or an unknown type: a value read shows its own shape, anything else is edited as A-XDR.
            node = value.Type is DataType.Structure or DataType.Array ? Build(value, label, null, null) : Axdr(value, label);
        }
        else if (type.Encoding == DataType.Structure && value.Type == DataType.Structure && value.Count == type.Fields!.Count)
        {
            node = new ValueNode(label, DataType.Structure, EditorKind.Structure);
            for (var i = 0; i < value.Count; i++)
            {
                node.Children.Add(FromType(value[i], type.Fields[i].Name, type.Fields[i].Type));
            }
        }
        else if (type.Encoding == DataType.Array && value.Type == DataType.Array)
        {
            var item = type.Item!;
            node = new ValueNode(label, DataType.Array, EditorKind.Array) { _itemType = item, _itemTemplate = item.DefaultValue() };
            for (var i = 0; i < value.Count; i++)
            {
                node.Children.Add(FromType(value[i], $"[{i}]", item));
            }
        }
        else
        {
            node = Build(value, label, type.Names, type.Format);
        }
        node._type = type;
        return node;
    }

    /// <summary>Switches to the hex A-XDR editor, filled with the encoding of the value edited so far.</summary>
    public void EditAsAxdr()
    {
        var value = ToData();
        AxdrEditor = Axdr(value, Label);
    }

    /// <summary>
    /// Leaves the hex A-XDR editor: its value becomes the typed editor's again. A value of another shape than the
    /// typed editor throws <see cref="ValueFormatException"/> and stays in hex.
    /// </summary>
    public void EditTyped()
    {
        if (AxdrEditor is not { } raw)
        {
            return;
        }
        var value = raw.ToData();
        var rebuilt = _type is { } type ? FromType(value, Label, type) : Build(value, Label, Names, null);
        if (rebuilt.Kind != Kind || rebuilt.Type != Type)
        {
            throw new ValueFormatException(Label, $"the A-XDR is a {DataTypeInfo.Name(value.Type)}, not the {DataTypeInfo.Name(Type)} this field takes");
        }
        Children.Clear();
        Children.AddRange(rebuilt.Children);
        Text = rebuilt.Text;
        DateTime = rebuilt.DateTime;
        AxdrEditor = null;
    }
}
