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
            default:
                element.SetAttributeValue("value", Scalar(data));
                break;
        }
        return element;
    }

    /// <summary>One-line text for a table cell: the value alone for scalars, the full description otherwise.</summary>
    public static string ToCell(CosemData data) => data.Type switch
    {
        DataType.Array or DataType.Structure or DataType.CompactArray => data.ToString(),
        DataType.NullData => "null",
        _ => Scalar(data),
    };

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

    // Octet strings that are a logical name or a date-time are shown as such, others in hex.
    private static string OctetText(ReadOnlySpan<byte> octets)
    {
        if (octets.Length == CosemDateTime.Length && new CosemDateTime(octets).TryToDateTimeOffset(out _))
        {
            return new CosemDateTime(octets).ToString();
        }
        return Convert.ToHexString(octets);
    }

    private static string XmlName(DataType type) =>
        string.Concat(DataTypeInfo.Name(type).Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
