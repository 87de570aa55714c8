namespace Cosem.Sdk.Translation;

/// <summary>Hex text as people paste it: upper or lower case, spaces, newlines, dashes, colons and 0x prefixes.</summary>
public static class HexText
{
    /// <summary>Upper-case hex digits without separators, the form the translator writes ("C001C1").</summary>
    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>Parses hex digits, ignoring separators; false for an odd digit count or a non-hex character.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out byte[] bytes) => TryParse(text, out bytes, out _);

    /// <summary>Parses hex digits, ignoring separators, and says where parsing stopped when it fails.</summary>
    /// <param name="text">The hex text; whitespace, '-', ':' and ',' may separate whole bytes, and "0x" may prefix them.</param>
    /// <param name="bytes">The bytes on success; empty on failure.</param>
    /// <param name="errorIndex">Index in <paramref name="text"/> of the first bad character, or of the end for an odd count.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out byte[] bytes, out int errorIndex)
    {
        var output = new List<byte>(text.Length / 2);
        int high = -1;
        errorIndex = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c is '-' or ':' or ',')
            {
                if (high >= 0)
                {
                    errorIndex = i;
                    bytes = [];
                    return false;
                }
                continue;
            }
            if (c == '0' && high < 0 && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
            {
                i++;
                continue;
            }
            int nibble = !char.IsAsciiHexDigit(c) ? -1 : c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            if (nibble < 0)
            {
                errorIndex = i;
                bytes = [];
                return false;
            }
            if (high < 0)
            {
                high = nibble;
            }
            else
            {
                output.Add((byte)((high << 4) | nibble));
                high = -1;
            }
        }
        if (high >= 0)
        {
            errorIndex = text.Length;
            bytes = [];
            return false;
        }
        bytes = [.. output];
        return true;
    }
}
