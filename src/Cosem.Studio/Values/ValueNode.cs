using System.Globalization;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Studio.Schema;

namespace Cosem.Studio.Values;

/// <summary>
/// The typed editor of one value, nested for structures and arrays: built from the value read (or the class's default
/// value as a template), edited in the page as text, choices and check boxes, and turned back into
/// <see cref="CosemData"/> of the same A-XDR types. Bad input throws <see cref="FormatException"/> naming the field.
/// With a <see cref="SchemaType"/> (ValueNode.Typed.cs) fields are named and arrays grow even when empty.
/// </summary>
public sealed partial class ValueNode
{
    private ValueNode(string label, DataType type, EditorKind kind)
    {
        (Label, Type, Kind) = (label, type, kind);
    }

    /// <summary>What the field is called in the page ("value", "[2]", "script_selector").</summary>
    public string Label { get; private set; }

    /// <summary>The A-XDR type written back.</summary>
    public DataType Type { get; }

    /// <summary>The editor shown.</summary>
    public EditorKind Kind { get; }

    /// <summary>The text of a scalar editor (number, hex, text, OBIS, boolean, enum number, bits as 0/1).</summary>
    public string Text { get; set; } = "";

    /// <summary>The named choices of an enumeration, or the named bits of a bit-string; null when unnamed.</summary>
    public NamedValues? Names { get; init; }

    /// <summary>The date-time (or date, or time) fields of a <see cref="EditorKind.DateTime"/> editor.</summary>
    public DateTimeFields? DateTime { get; private set; }

    /// <summary>Nested editors of a structure or array.</summary>
    public List<ValueNode> Children { get; } = [];

    private CosemData _itemTemplate;
    private bool _taggedDateTime;

    /// <summary>Whether this array can add items (it knows what an item looks like).</summary>
    public bool CanAddItem => Kind == EditorKind.Array && (_itemType is not null || !_itemTemplate.IsNull);

    /// <summary>The editor tree for <paramref name="value"/>; <paramref name="member"/> and <paramref name="schema"/> name enums and flags.</summary>
    public static ValueNode From(CosemData value, string label, MemberSchema? member = null, ClassSchema? schema = null, CosemData itemTemplate = default)
    {
        var names = member is null || schema is null ? null : schema.EnumOf(member) ?? schema.FlagsOf(member);
        var format = member?.Type is "date-time" or "date" or "time" or "obis" ? member.Type : null;
        return Build(value, label, names, format, itemTemplate);
    }

    // The untyped editor: the value's own A-XDR types, with the names and octet-string format the caller knows.
    private static ValueNode Build(CosemData value, string label, NamedValues? names, string? format, CosemData itemTemplate = default)
    {
        switch (value.Type)
        {
            case DataType.NullData:
                return new ValueNode(label, value.Type, EditorKind.Null);
            case DataType.Boolean:
                return new ValueNode(label, value.Type, EditorKind.Boolean) { Text = value.AsBoolean() ? "true" : "false" };
            case DataType.Enum:
                return new ValueNode(label, value.Type, EditorKind.Enum) { Text = value.AsUInt64().ToString(CultureInfo.InvariantCulture), Names = names };
            case DataType.Float32 or DataType.Float64:
                return new ValueNode(label, value.Type, EditorKind.Number) { Text = value.AsDouble().ToString("R", CultureInfo.InvariantCulture) };
            case DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64:
                return new ValueNode(label, value.Type, EditorKind.Number) { Text = value.AsInt64().ToString(CultureInfo.InvariantCulture) };
            case DataType.Unsigned or DataType.LongUnsigned or DataType.DoubleLongUnsigned or DataType.Long64Unsigned or DataType.Bcd:
                return new ValueNode(label, value.Type, EditorKind.Number) { Text = value.AsUInt64().ToString(CultureInfo.InvariantCulture) };
            case DataType.VisibleString or DataType.Utf8String:
                return new ValueNode(label, value.Type, EditorKind.Text) { Text = value.AsString() };
            case DataType.BitString:
                return new ValueNode(label, value.Type, EditorKind.Bits) { Text = value.AsBitString().ToString(), Names = names };
            case DataType.DateTime or DataType.Date or DataType.Time:
                return new ValueNode(label, value.Type, EditorKind.DateTime) { DateTime = DateTimeFields.From(value.AsBytes().Span), _taggedDateTime = true };
            case DataType.OctetString:
                var bytes = value.AsBytes().Span;
                if (bytes.Length == 12 && (format is "date-time" || (format is null && Sdk.Translation.CosemDateTimeText.IsPlausibleDateTime(bytes)))
                    || (bytes.Length == 5 && format is "date") || (bytes.Length == 4 && format is "time"))
                {
                    return new ValueNode(label, value.Type, EditorKind.DateTime) { DateTime = DateTimeFields.From(bytes) };
                }
                if (bytes.Length == ObisCode.Length && format is "obis")
                {
                    return new ValueNode(label, value.Type, EditorKind.Obis) { Text = value.AsObisCode().ToString() };
                }
                return new ValueNode(label, value.Type, EditorKind.Hex) { Text = Convert.ToHexString(bytes) };
            case DataType.Structure:
                var structure = new ValueNode(label, value.Type, EditorKind.Structure);
                for (var i = 0; i < value.Count; i++)
                {
                    structure.Children.Add(Build(value[i], $"[{i}]", null, null));
                }
                return structure;
            case DataType.Array:
                var array = new ValueNode(label, value.Type, EditorKind.Array)
                {
                    _itemTemplate = value.Count > 0 ? value[0] : itemTemplate,
                };
                for (var i = 0; i < value.Count; i++)
                {
                    array.Children.Add(Build(value[i], $"[{i}]", null, null));
                }
                return array;
            default:
                return Axdr(value, label);
        }
    }

    // Other types (compact arrays, "data" of an unknown shape, …) are edited as their hex A-XDR encoding.
    private static ValueNode Axdr(CosemData value, string label) =>
        new(label, DataType.DontCare, EditorKind.Hex) { Text = Convert.ToHexString(Encode(value)) };

    /// <summary>Appends an item shaped like the array's first item.</summary>
    public void AddItem()
    {
        if (!CanAddItem)
        {
            throw new InvalidOperationException("This array has no item to copy the shape from.");
        }
        var label = $"[{Children.Count}]";
        Children.Add(_itemType is { } type ? FromType(_itemTemplate, label, type) : Build(_itemTemplate, label, null, null));
    }

    /// <summary>Removes the item at <paramref name="index"/>; the items after it are renumbered.</summary>
    public void RemoveItem(int index)
    {
        Children.RemoveAt(index);
        for (var i = index; i < Children.Count; i++)
        {
            Children[i].Label = $"[{i}]";
        }
    }

    /// <summary>The edited value; throws <see cref="FormatException"/> naming the field when the input is not valid.</summary>
    public CosemData ToData() => ToData(Label);

    private CosemData ToData(string path)
    {
        if (AxdrEditor is { } raw)
        {
            return raw.ToData(path);
        }
        try
        {
            return Kind switch
            {
                EditorKind.Null => CosemData.Null,
                EditorKind.Boolean => CosemData.Boolean(Text.Trim().ToLowerInvariant() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => throw new FormatException("not true or false"),
                }),
                EditorKind.Enum => CosemData.Enum(byte.TryParse(Text.Trim(), CultureInfo.InvariantCulture, out var e) ? e : throw new FormatException("not an enumeration value (0-255)")),
                EditorKind.Number => Number(Type, Text.Trim()),
                EditorKind.Text => Type == DataType.Utf8String ? CosemData.Utf8String(Text) : CosemData.VisibleString(Text),
                EditorKind.Bits => CosemData.BitString(BitString.Parse(Text.Trim())),
                EditorKind.DateTime => _taggedDateTime ? CosemData.Decode([(byte)Type, .. DateTime!.ToBytes()]) : CosemData.OctetString(DateTime!.ToBytes()),
                EditorKind.Obis => CosemData.LogicalName(ObisCode.Parse(Text.Trim())),
                EditorKind.Hex when Type == DataType.DontCare => CosemData.Decode(Hex(Text)),
                EditorKind.Hex => CosemData.OctetString(Hex(Text)),
                EditorKind.Structure => CosemData.Structure([.. Children.Select(c => c.ToData(Join(path, c.Label)))]),
                _ => CosemData.Array([.. Children.Select(c => c.ToData(Join(path, c.Label)))]),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or Sdk.CosemException && e is not ValueFormatException)
        {
            throw new ValueFormatException(path, e.Message);
        }
    }

    // value[2], send_destination_and_method.destination
    private static string Join(string path, string label) => label.StartsWith('[') ? path + label : $"{path}.{label}";

    private static CosemData Number(DataType type, string text)
    {
        var style = CultureInfo.InvariantCulture;
        return type switch
        {
            DataType.Integer => CosemData.FromInt8(sbyte.Parse(text, style)),
            DataType.Long => CosemData.FromInt16(short.Parse(text, style)),
            DataType.DoubleLong => CosemData.FromInt32(int.Parse(text, style)),
            DataType.Long64 => CosemData.FromInt64(long.Parse(text, style)),
            DataType.Unsigned => CosemData.FromUInt8(byte.Parse(text, style)),
            DataType.LongUnsigned => CosemData.FromUInt16(ushort.Parse(text, style)),
            DataType.DoubleLongUnsigned => CosemData.FromUInt32(uint.Parse(text, style)),
            DataType.Long64Unsigned => CosemData.FromUInt64(ulong.Parse(text, style)),
            DataType.Bcd => CosemData.Bcd(byte.Parse(text, style)),
            DataType.Float32 => CosemData.FromFloat32(float.Parse(text, style)),
            _ => CosemData.FromFloat64(double.Parse(text, style)),
        };
    }

    private static byte[] Hex(string text)
    {
        var digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return Convert.FromHexString(digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? digits[2..] : digits);
    }

    private static byte[] Encode(CosemData value)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(output);
        value.Encode(ref writer);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }
}

/// <summary>An edited value that is not valid, with the field it is in.</summary>
public sealed class ValueFormatException(string field, string reason) : FormatException($"{field}: {reason}")
{
    /// <summary>The field, e.g. <c>value[2]</c>.</summary>
    public string Field { get; } = field;
}
