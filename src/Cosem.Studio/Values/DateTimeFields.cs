using System.Buffers.Binary;
using System.Globalization;

namespace Cosem.Studio.Values;

/// <summary>
/// A COSEM date-time (12 bytes, IEC 62056-6-2 §4.1.6.1) as editable fields, each of which may be "*" (not specified):
/// date, time, deviation from UTC in minutes and the clock status byte. A date alone (5 bytes) or a time alone
/// (4 bytes) uses the same fields, only its own.
/// </summary>
public sealed class DateTimeFields
{
    /// <summary>Whether this is a date-time, a date or a time (which fields are edited, how many bytes are written).</summary>
    public DateTimeShape Shape { get; init; } = DateTimeShape.DateTime;

    /// <summary>yyyy-MM-dd, each part a number or "*" (e.g. "*-12-25" every year).</summary>
    public string Date { get; set; } = "*-*-*";

    /// <summary>HH:mm:ss, each part a number or "*".</summary>
    public string Time { get; set; } = "*:*:*";

    /// <summary>Deviation of local time from UTC in minutes as the Blue Book counts it (local = UTC − deviation), or "*".</summary>
    public string Deviation { get; set; } = "*";

    /// <summary>Clock status as two hex digits (80 = daylight saving), or "*".</summary>
    public string Status { get; set; } = "*";

    /// <summary>The fields of 12 encoded bytes (a date-time), 5 (a date) or 4 (a time).</summary>
    public static DateTimeFields From(ReadOnlySpan<byte> bytes)
    {
        switch (bytes.Length)
        {
            case 5:
                var date = From([.. bytes, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0xFF]);
                return new DateTimeFields { Shape = DateTimeShape.Date, Date = date.Date };
            case 4:
                var time = From([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. bytes, 0x80, 0x00, 0xFF]);
                return new DateTimeFields { Shape = DateTimeShape.Time, Time = time.Time };
            case 12:
                break;
            default:
                throw new ArgumentException("A COSEM date-time has 12 bytes, a date 5 and a time 4.", nameof(bytes));
        }
        var year = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        var deviation = BinaryPrimitives.ReadInt16BigEndian(bytes[9..11]);
        return new DateTimeFields
        {
            Date = $"{(year == 0xFFFF ? "*" : year.ToString("D4", CultureInfo.InvariantCulture))}-{Part(bytes[2])}-{Part(bytes[3])}",
            Time = $"{Part(bytes[5])}:{Part(bytes[6])}:{Part(bytes[7])}",
            Deviation = deviation == unchecked((short)0x8000) ? "*" : deviation.ToString(CultureInfo.InvariantCulture),
            Status = bytes[11] == 0xFF ? "*" : bytes[11].ToString("X2", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The 12 bytes (5 for a date, 4 for a time); a field that is neither a number in range nor "*" throws
    /// <see cref="FormatException"/>.</summary>
    public byte[] ToBytes() => Shape switch
    {
        DateTimeShape.Date => DateTimeBytes()[..5],
        DateTimeShape.Time => DateTimeBytes()[5..9],
        _ => DateTimeBytes(),
    };

    private byte[] DateTimeBytes()
    {
        var bytes = new byte[12];
        var date = Split(Date, '-', "date (yyyy-MM-dd)");
        var time = Split(Time, ':', "time (HH:mm:ss)");
        var year = Number(date[0], 0, 0xFFFE, "year", 0xFFFF);
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)year);
        var month = Number(date[1], 1, 12, "month", 0xFF);
        var day = Number(date[2], 1, 31, "day", 0xFF);
        bytes[2] = (byte)month;
        bytes[3] = (byte)day;
        bytes[4] = year != 0xFFFF && month != 0xFF && day != 0xFF && day <= DateTime.DaysInMonth(year, month)
            ? (byte)(((int)new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).DayOfWeek + 6) % 7 + 1)
            : (byte)0xFF;
        bytes[5] = (byte)Number(time[0], 0, 23, "hour", 0xFF);
        bytes[6] = (byte)Number(time[1], 0, 59, "minute", 0xFF);
        bytes[7] = (byte)Number(time[2], 0, 59, "second", 0xFF);
        bytes[8] = 0xFF;
        if (Shape != DateTimeShape.DateTime)
        {
            return bytes; // a date or a time alone has no deviation or status
        }
        var deviation = Deviation.Trim() == "*" ? unchecked((short)0x8000) : (short)Number(Deviation, -720, 720, "deviation", 0);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(9), deviation);
        if (Status.Trim() == "*")
        {
            bytes[11] = 0xFF;
        }
        else if (byte.TryParse(Status.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var status))
        {
            bytes[11] = status;
        }
        else
        {
            throw new FormatException($"Clock status '{Status}' is not two hex digits or *.");
        }
        return bytes;
    }

    private static string Part(byte value) => value == 0xFF ? "*" : value.ToString("D2", CultureInfo.InvariantCulture);

    private static string[] Split(string text, char separator, string what)
    {
        var parts = (text ?? "").Trim().Split(separator);
        return parts.Length == 3 ? parts : throw new FormatException($"'{text}' is not a {what}; use * for a wildcard part.");
    }

    private static int Number(string text, int min, int max, string what, int wildcard)
    {
        var trimmed = text.Trim();
        if (trimmed == "*")
        {
            return wildcard;
        }
        return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"The {what} '{text}' is not a number from {min} to {max} or *.");
    }
}

/// <summary>Which COSEM date/time type a <see cref="DateTimeFields"/> edits.</summary>
public enum DateTimeShape
{
    /// <summary>date-time: 12 bytes with deviation and clock status.</summary>
    DateTime,

    /// <summary>date: 5 bytes (year, month, day, day of week).</summary>
    Date,

    /// <summary>time: 4 bytes (hour, minute, second, hundredths).</summary>
    Time,
}
