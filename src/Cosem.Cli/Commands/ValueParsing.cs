using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Cli.Commands;

/// <summary>
/// Turns <c>--value</c> text into COSEM data: as the A-XDR type <c>--type</c> names (integer, long-unsigned,
/// octet-string, visible-string, date-time, ...; <c>raw</c> for hex A-XDR), or as the type of a template value from
/// the class definition. Octet-strings are hex; a date-time is ISO 8601 (2024-06-15T12:00:00+02:00).
/// </summary>
internal static class ValueParsing
{
    /// <summary>Every name <c>--type</c> accepts.</summary>
    public static readonly string[] TypeNames =
    [
        "raw", "null-data", "boolean", "integer", "long", "double-long", "long64", "unsigned", "long-unsigned",
        "double-long-unsigned", "long64-unsigned", "enum", "float32", "float64", "octet-string", "visible-string",
        "utf8-string", "date-time", "bit-string",
    ];

    public static CosemData Parse(string text, string type) => type switch
    {
        "raw" => CosemData.Decode(Hex(text)),
        "null-data" => CosemData.Null,
        "boolean" => CosemData.Boolean(text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new FormatException($"'{text}' is not a boolean (true, false, 1, 0)."),
        }),
        "integer" => CosemData.FromInt8(sbyte.Parse(text, CultureInfo.InvariantCulture)),
        "long" => CosemData.FromInt16(short.Parse(text, CultureInfo.InvariantCulture)),
        "double-long" => CosemData.FromInt32(int.Parse(text, CultureInfo.InvariantCulture)),
        "long64" => CosemData.FromInt64(long.Parse(text, CultureInfo.InvariantCulture)),
        "unsigned" => CosemData.FromUInt8(byte.Parse(text, CultureInfo.InvariantCulture)),
        "long-unsigned" => CosemData.FromUInt16(ushort.Parse(text, CultureInfo.InvariantCulture)),
        "double-long-unsigned" => CosemData.FromUInt32(uint.Parse(text, CultureInfo.InvariantCulture)),
        "long64-unsigned" => CosemData.FromUInt64(ulong.Parse(text, CultureInfo.InvariantCulture)),
        "enum" => CosemData.Enum(byte.Parse(text, CultureInfo.InvariantCulture)),
        "float32" => CosemData.FromFloat32(float.Parse(text, CultureInfo.InvariantCulture)),
        "float64" => CosemData.FromFloat64(double.Parse(text, CultureInfo.InvariantCulture)),
        "octet-string" => CosemData.OctetString(Hex(text)),
        "visible-string" => CosemData.VisibleString(text),
        "utf8-string" => CosemData.Utf8String(text),
        "date-time" => CosemData.OctetString(DateTime(text)),
        "bit-string" => CosemData.BitString(BitString.Parse(text)),
        _ => throw new ArgumentException($"--type {type} is not one of {string.Join(", ", TypeNames)}."),
    };

    /// <summary>
    /// <paramref name="text"/> as the type of <paramref name="template"/>; structures and arrays need <c>--type raw</c>.
    /// A 12-byte octet-string template is a date-time and takes ISO 8601 text as well as hex.
    /// </summary>
    public static CosemData ParseLike(string text, CosemData template)
    {
        if (template.Type is DataType.Structure or DataType.Array or DataType.CompactArray)
        {
            throw new ArgumentException($"The attribute is a {DataTypeInfo.Name(template.Type)}; give its value as hex A-XDR with --type raw.");
        }
        if (template.Type == DataType.OctetString && template.AsBytes().Length == CosemDateTime.Length && !IsHex(text))
        {
            return Parse(text, "date-time");
        }
        return template.Type == DataType.DateTime ? CosemData.DateTimeTagged(new CosemDateTime(DateTime(text))) : Parse(text, DataTypeInfo.Name(template.Type));
    }

    private static bool IsHex(string text) => text.Length % 2 == 0 && text.All(Uri.IsHexDigit);

    private static byte[] Hex(string text)
    {
        var digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }
        return Convert.FromHexString(digits);
    }

    private static byte[] DateTime(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new FormatException($"'{text}' is not an ISO 8601 date-time (e.g. 2024-06-15T12:00:00+02:00).");
        }
        var bytes = new byte[CosemDateTime.Length];
        CosemDateTime.From(value).CopyTo(bytes);
        return bytes;
    }
}
