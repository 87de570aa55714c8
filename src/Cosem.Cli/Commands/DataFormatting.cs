using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Cosem.Sdk.Axdr;

namespace Cosem.Cli.Commands;

/// <summary>COSEM data values as JSON and XML for <c>cosem read --json/--xml</c>: each value keeps its A-XDR type name.</summary>
internal static class DataFormatting
{
    public static JsonNode ToJson(CosemData data)
    {
        var node = new JsonObject { ["type"] = DataTypeInfo.Name(data.Type) };
        switch (data.Type)
        {
            case DataType.Array or DataType.Structure or DataType.CompactArray:
                var items = new JsonArray();
                foreach (var item in data.Items)
                {
                    items.Add(ToJson(item));
                }
                node["items"] = items;
                break;
            case DataType.NullData or DataType.DontCare:
                break;
            case DataType.OctetString:
                node["value"] = Convert.ToHexString(data.AsBytes().Span);
                if (Readable(data.AsBytes().Span) is { } readable)
                {
                    node[readable.StartsWith('"') ? "text" : "dateTime"] = readable.Trim('"');
                }
                break;
            default:
                node["value"] = JsonValue.Create(Scalar(data));
                break;
        }
        return node;
    }

    public static XElement ToXml(CosemData data)
    {
        var element = new XElement(XmlName(data.Type));
        switch (data.Type)
        {
            case DataType.Array or DataType.Structure or DataType.CompactArray:
                foreach (var item in data.Items)
                {
                    element.Add(ToXml(item));
                }
                break;
            case DataType.NullData or DataType.DontCare:
                break;
            case DataType.OctetString:
                element.SetAttributeValue("value", Convert.ToHexString(data.AsBytes().Span));
                if (Readable(data.AsBytes().Span) is { } readable)
                {
                    element.SetAttributeValue(readable.StartsWith('"') ? "text" : "dateTime", readable.Trim('"'));
                }
                break;
            default:
                element.SetAttributeValue("value", Scalar(data));
                break;
        }
        return element;
    }

    // Table cells longer than this are cut: a whole profile belongs in --json or --xml.
    private const int MaxCellLength = 160;

    /// <summary>
    /// One-line text for a table cell: the value alone for scalars (a logical name in OBIS form when
    /// <paramref name="isLogicalName"/>), a shortened description for structures and arrays.
    /// </summary>
    public static string ToCell(CosemData data, bool isLogicalName = false)
    {
        if (isLogicalName && data.Type == DataType.OctetString && data.AsBytes().Length == Sdk.Obis.ObisCode.Length)
        {
            return data.AsObisCode().ToString();
        }
        var text = data.Type switch
        {
            DataType.Array or DataType.Structure or DataType.CompactArray => data.ToString(),
            DataType.NullData => "null",
            _ => Scalar(data),
        };
        return text.Length <= MaxCellLength ? text : string.Concat(text.AsSpan(0, MaxCellLength - 1), "…");
    }

    private static string Scalar(CosemData data) => data.Type switch
    {
        DataType.Boolean => data.AsBoolean() ? "true" : "false",
        DataType.OctetString => OctetText(data.AsBytes().Span),
        DataType.VisibleString or DataType.Utf8String => data.AsString(),
        DataType.Float32 or DataType.Float64 => data.AsDouble().ToString("R", CultureInfo.InvariantCulture),
        DataType.Long64Unsigned => data.AsUInt64().ToString(CultureInfo.InvariantCulture),
        DataType.DateTime => data.AsDateTime().ToString(),
        DataType.Date => data.AsDate().ToString(),
        DataType.Time => data.AsTime().ToString(),
        DataType.BitString => data.AsBitString().ToString(),
        DataType.Bcd => data.AsInt64().ToString(CultureInfo.InvariantCulture),
        _ => data.AsInt64().ToString(CultureInfo.InvariantCulture),
    };

    // Octet strings that hold a date-time or printable text are shown as such, others in hex.
    private static string OctetText(ReadOnlySpan<byte> octets) => Readable(octets) ?? Convert.ToHexString(octets);

    /// <summary>A date-time (12 octets that decode as one) or quoted printable ASCII; null otherwise.</summary>
    private static string? Readable(ReadOnlySpan<byte> octets)
    {
        if (octets.Length == CosemDateTime.Length && new CosemDateTime(octets).TryToDateTimeOffset(out _))
        {
            return new CosemDateTime(octets).ToString();
        }
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
        return $"\"{System.Text.Encoding.ASCII.GetString(octets)}\"";
    }

    private static string XmlName(DataType type) =>
        string.Concat(DataTypeInfo.Name(type).Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
