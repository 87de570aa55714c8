using System.Globalization;
using System.Text;

namespace Cosem.Cli.Wireshark;

/// <summary>Lua literals for generated code: strings escaped byte-exactly, numbers in invariant form.</summary>
internal static class LuaText
{
    /// <summary>A double-quoted Lua string for <paramref name="text"/> (UTF-8; quotes, backslashes and control characters escaped).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            switch (b)
            {
                case (byte)'"': builder.Append("\\\""); break;
                case (byte)'\\': builder.Append("\\\\"); break;
                case < 0x20 or 0x7F: builder.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture)); break;
                case >= 0x80: builder.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture)); break;
                default: builder.Append((char)b); break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>An integer literal.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
