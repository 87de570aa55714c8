using System.Globalization;
using System.Text;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Translation;
using Cosem.Studio.Schema;

namespace Cosem.Studio.Values;

/// <summary>
/// Values as the attribute grid shows them: enumerations and flags by name, logical names dotted, date-times spelled
/// out with their wildcards, long arrays shortened (the editor shows every item).
/// </summary>
public static class ValueText
{
    /// <summary>Items of an array or structure shown inline before "…".</summary>
    public const int InlineItems = 8;

    /// <summary>The text of <paramref name="value"/>; <paramref name="member"/>/<paramref name="schema"/> name enums and flags.</summary>
    public static string Format(CosemData value, MemberSchema? member = null, ClassSchema? schema = null)
    {
        var text = new StringBuilder();
        Append(text, value, member, schema, depth: 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, CosemData value, MemberSchema? member, ClassSchema? schema, int depth)
    {
        switch (value.Type)
        {
            case DataType.Enum:
                var number = (long)value.AsUInt64();
                var name = member is not null && schema?.EnumOf(member) is { } names ? names.NameOf(number) : null;
                text.Append(name is null ? number.ToString(CultureInfo.InvariantCulture) : $"{name} ({number})");
                return;
            case DataType.BitString:
                var bits = value.AsBitString();
                text.Append(bits.ToString());
                if (member is not null && schema?.FlagsOf(member) is { } flags)
                {
                    var set = flags.Values.Where(f => f.Key < bits.Length && bits[(int)f.Key]).Select(f => f.Value).ToArray();
                    text.Append(set.Length == 0 ? " (none set)" : $" ({string.Join(", ", set)})");
                }
                return;
            case DataType.OctetString:
                var bytes = value.AsBytes().Span;
                if (bytes.Length == 12 && (member?.Type is "date-time" || CosemDateTimeText.IsPlausibleDateTime(bytes)))
                {
                    text.Append(CosemDateTimeText.FormatDateTime(bytes));
                }
                else if (bytes.Length == ObisCode.Length && (member?.Type is "obis" || depth > 0 && LooksLikeObis(bytes)))
                {
                    text.Append(value.AsObisCode().ToString());
                }
                else if (bytes.Length > 0 && IsPrintable(bytes))
                {
                    text.Append('"').Append(Encoding.ASCII.GetString(bytes)).Append("\" (").Append(Convert.ToHexString(bytes)).Append(')');
                }
                else
                {
                    text.Append(Convert.ToHexString(bytes));
                }
                return;
            case DataType.DateTime:
                text.Append(CosemDateTimeText.FormatDateTime(value.AsBytes().Span));
                return;
            case DataType.Structure or DataType.Array:
                var open = value.Type == DataType.Structure ? "{ " : "[ ";
                text.Append(open);
                for (var i = 0; i < value.Count && i < InlineItems; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }
                    Append(text, value[i], null, null, depth + 1);
                }
                if (value.Count > InlineItems)
                {
                    text.Append(CultureInfo.InvariantCulture, $", … {value.Count} items");
                }
                text.Append(value.Type == DataType.Structure ? " }" : " ]");
                return;
            case DataType.NullData:
                text.Append("null");
                return;
            case DataType.Boolean:
                text.Append(value.AsBoolean() ? "true" : "false");
                return;
            case DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64:
                text.Append(value.AsInt64().ToString(CultureInfo.InvariantCulture));
                return;
            case DataType.Unsigned or DataType.LongUnsigned or DataType.DoubleLongUnsigned or DataType.Long64Unsigned:
                text.Append(value.AsUInt64().ToString(CultureInfo.InvariantCulture));
                return;
            case DataType.Float32 or DataType.Float64:
                text.Append(value.AsDouble().ToString("G", CultureInfo.InvariantCulture));
                return;
            case DataType.VisibleString or DataType.Utf8String:
                text.Append('"').Append(value.AsString()).Append('"');
                return;
            default:
                text.Append(value.ToString());
                return;
        }
    }

    private static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    // Inside structures (capture objects, object lists) a 6-byte octet-string is nearly always a logical name.
    private static bool LooksLikeObis(ReadOnlySpan<byte> bytes) => bytes[5] == 0xFF || bytes[0] <= 15;
}
