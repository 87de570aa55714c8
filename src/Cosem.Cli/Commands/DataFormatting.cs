using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Cli.Commands;

/// <summary>
/// COSEM data values as JSON, XML and table cells for <c>cosem read</c>. Each value keeps its A-XDR type name;
/// numbers are JSON numbers; date-times are ISO 8601 ('*' for wildcards) with the day of week and clock status as
/// separate fields; units and the enums of known attributes also carry their names.
/// </summary>
internal static class DataFormatting
{
    // Enum attributes whose type the schema names (class id, attribute index).
    private static readonly Dictionary<(ushort ClassId, int Attribute), Type> EnumAttributes = new()
    {
        [(8, 9)] = typeof(ClockBase),
        [(70, 3)] = typeof(DisconnectControlState),
        [(70, 4)] = typeof(DisconnectControlMode),
        [(23, 2)] = typeof(BaudRate),
        [(19, 2)] = typeof(LocalPortProtocolMode),
        [(19, 3)] = typeof(BaudRate),
        [(19, 4)] = typeof(BaudRate),
        [(19, 5)] = typeof(LocalPortResponseTime),
        [(18, 6)] = typeof(ImageTransferStatus),
        [(7, 5)] = typeof(SortMethod),
        [(40, 11)] = typeof(PushOperationMethod),
        [(22, 3)] = typeof(SingleActionScheduleType),
    };

    // scaler_unit of Register, Extended register and Demand register: structure { scaler, unit }.
    private static readonly HashSet<(ushort ClassId, int Attribute)> ScalerUnitAttributes = [(3, 3), (4, 3), (5, 4)];

    /// <summary>Names for the parts of an attribute's value the CLI knows: the enum's values or a scaler_unit's unit.</summary>
    internal readonly record struct Hint(Type? Enum, bool ScalerUnit)
    {
        public static Hint For(ushort classId, int attribute) => new(
            EnumAttributes.GetValueOrDefault((classId, attribute)), ScalerUnitAttributes.Contains((classId, attribute)));

        /// <summary>The hint for item <paramref name="index"/> of a structure with this hint.</summary>
        public Hint Item(int index) => ScalerUnit && index == 1 ? new Hint(typeof(Unit), false) : default;
    }

    public static JsonNode ToJson(CosemData data, Hint hint = default)
    {
        var node = new JsonObject { ["type"] = DataTypeInfo.Name(data.Type) };
        switch (data.Type)
        {
            case DataType.Array or DataType.Structure or DataType.CompactArray:
                var items = new JsonArray();
                var i = 0;
                foreach (var item in data.Items)
                {
                    items.Add(ToJson(item, data.Type == DataType.Structure ? hint.Item(i++) : default));
                }
                node["items"] = items;
                break;
            case DataType.NullData or DataType.DontCare:
                break;
            case DataType.OctetString:
                node["value"] = Convert.ToHexString(data.AsBytes().Span);
                if (AsDateTime(data.AsBytes().Span) is { } octetDateTime)
                {
                    AddDateTime(octetDateTime, (name, value) => node[name] = value);
                }
                else if (Text(data.AsBytes().Span) is { } text)
                {
                    node["text"] = text;
                }
                break;
            case DataType.DateTime:
                AddDateTime(data.AsDateTime(), (name, value) => node[name] = value);
                break;
            default:
                node["value"] = JsonScalar(data);
                if (Name(data, hint) is { } name)
                {
                    node["name"] = name;
                }
                break;
        }
        return node;
    }

    public static XElement ToXml(CosemData data, Hint hint = default)
    {
        var element = new XElement(XmlName(data.Type));
        switch (data.Type)
        {
            case DataType.Array or DataType.Structure or DataType.CompactArray:
                var i = 0;
                foreach (var item in data.Items)
                {
                    element.Add(ToXml(item, data.Type == DataType.Structure ? hint.Item(i++) : default));
                }
                break;
            case DataType.NullData or DataType.DontCare:
                break;
            case DataType.OctetString:
                element.SetAttributeValue("value", Convert.ToHexString(data.AsBytes().Span));
                if (AsDateTime(data.AsBytes().Span) is { } octetDateTime)
                {
                    AddDateTime(octetDateTime, (name, value) => element.SetAttributeValue(name, value is JsonArray flags
                        ? string.Join(' ', flags.Select(f => f!.GetValue<string>())) : value!.ToString()));
                }
                else if (Text(data.AsBytes().Span) is { } text)
                {
                    element.SetAttributeValue("text", text);
                }
                break;
            case DataType.DateTime:
                AddDateTime(data.AsDateTime(), (name, value) => element.SetAttributeValue(name, value is JsonArray flags
                    ? string.Join(' ', flags.Select(f => f!.GetValue<string>())) : value!.ToString()));
                break;
            default:
                element.SetAttributeValue("value", Scalar(data));
                if (Name(data, hint) is { } name)
                {
                    element.SetAttributeValue("name", name);
                }
                break;
        }
        return element;
    }

    // Table cells longer than this are cut: a whole profile belongs in --format json or xml.
    private const int MaxCellLength = 160;

    /// <summary>
    /// One-line text for a table cell: the value alone for scalars (a logical name in OBIS form when
    /// <paramref name="isLogicalName"/>), the name of a known enum, the unit of a scaler_unit, a shortened
    /// description for other structures and arrays.
    /// </summary>
    public static string ToCell(CosemData data, bool isLogicalName = false, Hint hint = default)
    {
        if (isLogicalName && data.Type == DataType.OctetString && data.AsBytes().Length == Sdk.Obis.ObisCode.Length)
        {
            return data.AsObisCode().ToString();
        }
        if (hint.ScalerUnit && data.Type == DataType.Structure && data.Items.Length == 2 && Name(data.Items[1], hint.Item(1)) is { } unit)
        {
            return $"scaler {Scalar(data.Items[0])}, unit {unit}";
        }
        var text = data.Type switch
        {
            DataType.Array or DataType.Structure or DataType.CompactArray => data.ToString(),
            DataType.NullData => "null",
            _ when Name(data, hint) is { } name => $"{name} ({Scalar(data)})",
            _ => Scalar(data),
        };
        return text.Length <= MaxCellLength ? text : string.Concat(text.AsSpan(0, MaxCellLength - 1), "…");
    }

    /// <summary>The name of an enum value the hint knows (a unit by its symbol: Wh, V, …); null otherwise.</summary>
    private static string? Name(CosemData data, Hint hint)
    {
        if (data.Type != DataType.Enum || hint.Enum is null)
        {
            return null;
        }
        var value = (byte)data.AsInt64();
        if (hint.Enum == typeof(Unit))
        {
            return Enum.IsDefined((Unit)value) ? Quantity.Symbol((Unit)value) : null;
        }
        return Enum.GetName(hint.Enum, Enum.ToObject(hint.Enum, value));
    }

    private static JsonNode? JsonScalar(CosemData data) => data.Type switch
    {
        DataType.Boolean => JsonValue.Create(data.AsBoolean()),
        DataType.Float32 => JsonValue.Create((float)data.AsDouble()),
        DataType.Float64 => JsonValue.Create(data.AsDouble()),
        DataType.Long64Unsigned => JsonValue.Create(data.AsUInt64()),
        DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64 or DataType.Unsigned or DataType.LongUnsigned
            or DataType.DoubleLongUnsigned or DataType.Enum or DataType.Bcd => JsonValue.Create(data.AsInt64()),
        _ => JsonValue.Create(Scalar(data)),
    };

    private static string Scalar(CosemData data) => data.Type switch
    {
        DataType.Boolean => data.AsBoolean() ? "true" : "false",
        DataType.OctetString => OctetText(data.AsBytes().Span),
        DataType.VisibleString or DataType.Utf8String => data.AsString(),
        DataType.Float32 => ((float)data.AsDouble()).ToString("R", CultureInfo.InvariantCulture),
        DataType.Float64 => data.AsDouble().ToString("R", CultureInfo.InvariantCulture),
        DataType.Long64Unsigned => data.AsUInt64().ToString(CultureInfo.InvariantCulture),
        DataType.DateTime => data.AsDateTime().ToString(),
        DataType.Date => data.AsDate().ToString(),
        DataType.Time => data.AsTime().ToString(),
        DataType.BitString => data.AsBitString().ToString(),
        DataType.Bcd => data.AsInt64().ToString(CultureInfo.InvariantCulture),
        _ => data.AsInt64().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A date-time as separate fields: <c>dateTime</c> ISO 8601 with '*' for wildcards (and the UTC offset when the
    /// deviation is given), <c>dayOfWeek</c> when given, <c>clockStatus</c> the status flags when given.
    /// </summary>
    private static void AddDateTime(CosemDateTime value, Action<string, JsonNode?> add)
    {
        var text = value.ToString();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        add("dateTime", space < 0 ? text : text[..space]);
        if (value.DayOfWeek is { } day)
        {
            add("dayOfWeek", day.ToString());
        }
        if (value.ClockStatus is { } status)
        {
            add("clockStatus", new JsonArray([.. Enum.GetValues<ClockStatus>()
                .Where(flag => flag != ClockStatus.None && status.HasFlag(flag))
                .Select(flag => (JsonNode)flag.ToString())]));
        }
    }

    // Octet strings that hold a date-time or printable text are shown as such, others in hex.
    private static string OctetText(ReadOnlySpan<byte> octets) =>
        AsDateTime(octets)?.ToString() ?? (Text(octets) is { } text ? $"\"{text}\"" : Convert.ToHexString(octets));

    /// <summary>
    /// 12 octets whose fields are all date-time values or wildcards (IEC 62056-6-2 §4.1.6.1); null otherwise. The
    /// deviation is not checked here, so a meter's odd deviation still shows as a date-time (with a warning from
    /// <c>cosem read</c>).
    /// </summary>
    private static CosemDateTime? AsDateTime(ReadOnlySpan<byte> octets)
    {
        if (octets.Length != CosemDateTime.Length)
        {
            return null;
        }
        byte month = octets[2], day = octets[3], dow = octets[4], hour = octets[5], minute = octets[6], second = octets[7], hundredths = octets[8];
        var plausible = (month is >= 1 and <= 12 or >= 0xFD) && (day is >= 1 and <= 31 or >= 0xFD) && (dow is >= 1 and <= 7 or 0xFF)
            && (hour is <= 23 or 0xFF) && (minute is <= 59 or 0xFF) && (second is <= 59 or 0xFF) && (hundredths is <= 99 or 0xFF);
        return plausible ? new CosemDateTime(octets) : null;
    }

    /// <summary>The date-time a value holds (date-time tag, or an octet-string of 12 plausible bytes); null otherwise.</summary>
    public static CosemDateTime? AsDateTime(CosemData data) => data.Type switch
    {
        DataType.DateTime => data.AsDateTime(),
        DataType.OctetString => AsDateTime(data.AsBytes().Span),
        _ => null,
    };

    /// <summary>Printable ASCII; null otherwise.</summary>
    private static string? Text(ReadOnlySpan<byte> octets)
    {
        if (octets.IsEmpty)
        {
            return null;
        }
        foreach (var octet in octets)
        {
            if (octet is < 0x20 or > 0x7E)
            {
                return null;
            }
        }
        return System.Text.Encoding.ASCII.GetString(octets);
    }

    private static string XmlName(DataType type) =>
        string.Concat(DataTypeInfo.Name(type).Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
