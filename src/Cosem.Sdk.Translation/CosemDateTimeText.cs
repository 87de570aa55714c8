using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Translation;

/// <summary>
/// Readable text for COSEM date-time (12 bytes), date (5) and time (4) (IEC 62056-6-2 §4.1.6.1), with the
/// wildcards spelled out: "*" for not specified, "dst-begin"/"dst-end" months, "last"/"2nd-last" days.
/// The text is for people only; the translator keeps the exact bytes beside it.
/// </summary>
public static class CosemDateTimeText
{
    /// <summary>"2024-03-31 02:00:00.00, Sunday, deviation -60 min, status 0x80 (daylight saving)", or null if not 12 bytes.</summary>
    public static string? FormatDateTime(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 12)
        {
            return null;
        }
        var text = new StringBuilder(64);
        AppendDate(text, bytes[..5], withDayOfWeek: false);
        text.Append(' ');
        AppendTime(text, bytes[5..9]);
        AppendDayOfWeek(text, bytes[4]);
        short deviation = BinaryPrimitives.ReadInt16BigEndian(bytes[9..11]);
        text.Append(deviation == unchecked((short)0x8000)
            ? ", deviation *"
            : string.Create(CultureInfo.InvariantCulture, $", deviation {deviation} min"));
        byte status = bytes[11];
        text.Append(status == 0xFF ? ", status *" : $", status 0x{status:X2}");
        if (status != 0xFF && (status & 0x80) != 0)
        {
            text.Append(" (daylight saving)");
        }
        return text.ToString();
    }

    /// <summary>"2024-03-31, Sunday", or null if not 5 bytes.</summary>
    public static string? FormatDate(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 5)
        {
            return null;
        }
        var text = new StringBuilder(24);
        AppendDate(text, bytes, withDayOfWeek: true);
        return text.ToString();
    }

    /// <summary>"02:00:00.00", or null if not 4 bytes.</summary>
    public static string? FormatTime(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 4)
        {
            return null;
        }
        var text = new StringBuilder(12);
        AppendTime(text, bytes);
        return text.ToString();
    }

    /// <summary>
    /// True when 12 bytes hold field values a date-time can have, so an octet-string can be labelled as one
    /// without guessing wildly.
    /// </summary>
    public static bool IsPlausibleDateTime(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 12)
        {
            return false;
        }
        byte month = bytes[2], day = bytes[3], dow = bytes[4], hour = bytes[5], minute = bytes[6], second = bytes[7], hundredths = bytes[8];
        short deviation = BinaryPrimitives.ReadInt16BigEndian(bytes[9..11]);
        return (month is >= 1 and <= 12 or >= 0xFD)
            && (day is >= 1 and <= 31 or >= 0xFD)
            && (dow is >= 1 and <= 7 or 0xFF)
            && (hour is <= 23 or 0xFF)
            && (minute is <= 59 or 0xFF)
            && (second is <= 59 or 0xFF)
            && (hundredths is <= 99 or 0xFF)
            && (deviation is >= -720 and <= 720 || deviation == unchecked((short)0x8000));
    }

    private static void AppendDate(StringBuilder text, ReadOnlySpan<byte> date, bool withDayOfWeek)
    {
        ushort year = BinaryPrimitives.ReadUInt16BigEndian(date);
        text.Append(year == 0xFFFF ? "*" : year.ToString("D4", CultureInfo.InvariantCulture)).Append('-');
        text.Append(date[2] switch
        {
            0xFD => "dst-end",
            0xFE => "dst-begin",
            0xFF => "*",
            var m => m.ToString("D2", CultureInfo.InvariantCulture),
        }).Append('-');
        text.Append(date[3] switch
        {
            0xFD => "2nd-last",
            0xFE => "last",
            0xFF => "*",
            var d => d.ToString("D2", CultureInfo.InvariantCulture),
        });
        if (withDayOfWeek)
        {
            AppendDayOfWeek(text, date[4]);
        }
    }

    private static void AppendDayOfWeek(StringBuilder text, byte dow)
    {
        if (dow is >= 1 and <= 7)
        {
            text.Append(", ").Append(((DayOfWeek)(dow % 7)).ToString());
        }
        else if (dow != 0xFF)
        {
            text.Append(", day-of-week ").Append(dow.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AppendTime(StringBuilder text, ReadOnlySpan<byte> time)
    {
        Append2(text, time[0]).Append(':');
        Append2(text, time[1]).Append(':');
        Append2(text, time[2]).Append('.');
        Append2(text, time[3]);
    }

    private static StringBuilder Append2(StringBuilder text, byte value) =>
        value == 0xFF ? text.Append('*') : text.Append(value.ToString("D2", CultureInfo.InvariantCulture));
}
