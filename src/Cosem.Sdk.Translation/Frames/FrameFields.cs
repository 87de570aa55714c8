using System.Globalization;

namespace Cosem.Sdk.Translation.Frames;

/// <summary>Reads the header fields a frame codec put into the translator's document back.</summary>
internal static class FrameFields
{
    public static string? Find(IReadOnlyList<KeyValuePair<string, string>> fields, string name)
    {
        foreach (var field in fields)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }
        return null;
    }

    public static int Integer(IReadOnlyList<KeyValuePair<string, string>> fields, string name, int? fallback = null)
    {
        var text = Find(fields, name);
        if (text is null)
        {
            return fallback ?? throw new CosemException($"The frame has no '{name}' field.");
        }
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return int.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new CosemException($"The frame field '{name}' is not a number: '{text}'.");
    }

    public static bool Boolean(IReadOnlyList<KeyValuePair<string, string>> fields, string name) =>
        Find(fields, name) is { } text && (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase));

    public static KeyValuePair<string, string> Field(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
