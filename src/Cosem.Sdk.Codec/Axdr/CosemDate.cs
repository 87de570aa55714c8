using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// A COSEM date: year, month, day of month, day of week, five bytes (IEC 62056-6-2 §4.1.6.1). Every byte is kept
/// exactly as received, wildcards and reserved values included, so decoding and re-encoding is byte-identical.
/// The <c>Raw*</c> properties give the stored bytes; the nullable ones give the value when it is an ordinary one.
/// </summary>
public readonly struct CosemDate : IEquatable<CosemDate>
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Length = 5;

    /// <summary>year = 0xFFFF: not specified.</summary>
    public const ushort YearNotSpecified = 0xFFFF;

    /// <summary>0xFF in any one-byte field: not specified.</summary>
    public const byte NotSpecified = 0xFF;

    /// <summary>month = 0xFD: the month daylight saving time ends.</summary>
    public const byte DaylightSavingsEndMonth = 0xFD;

    /// <summary>month = 0xFE: the month daylight saving time begins.</summary>
    public const byte DaylightSavingsBeginMonth = 0xFE;

    /// <summary>day of month = 0xFD: the second last day of the month.</summary>
    public const byte SecondLastDayOfMonth = 0xFD;

    /// <summary>day of month = 0xFE: the last day of the month.</summary>
    public const byte LastDayOfMonth = 0xFE;

    private readonly ushort _year;
    private readonly byte _month;
    private readonly byte _day;
    private readonly byte _dayOfWeek;

    /// <summary>A date from its raw field values, kept as given (wildcards and reserved values allowed).</summary>
    public CosemDate(ushort year, byte month, byte dayOfMonth, byte dayOfWeek)
    {
        _year = year;
        _month = month;
        _day = dayOfMonth;
        _dayOfWeek = dayOfWeek;
    }

    /// <summary>Reads the five encoded bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not five bytes long.</exception>
    public CosemDate(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A date is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }
        _year = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        _month = bytes[2];
        _day = bytes[3];
        _dayOfWeek = bytes[4];
    }

    /// <summary>Every field "not specified": FFFF FF FF FF.</summary>
    public static CosemDate Unspecified => new(YearNotSpecified, NotSpecified, NotSpecified, NotSpecified);

    /// <summary>A fully specified date, day of week included.</summary>
    public static CosemDate From(DateOnly date) =>
        new((ushort)date.Year, (byte)date.Month, (byte)date.Day, EncodeDayOfWeek(date.DayOfWeek));

    /// <summary>year-highbyte/year-lowbyte as encoded: 0xFFFF means not specified.</summary>
    public ushort RawYear => _year;
    /// <summary>
    /// month as encoded: 1-12, 0xFD daylight savings end, 0xFE daylight savings begin, 0xFF not specified.
    /// </summary>
    public byte RawMonth => _month;
    /// <summary>
    /// day-of-month as encoded: 1-31, 0xFD second last day, 0xFE last day, 0xE0-0xFC reserved, 0xFF not specified.
    /// </summary>
    public byte RawDayOfMonth => _day;
    /// <summary>day-of-week as encoded: 1 Monday to 7 Sunday, 0xFF not specified.</summary>
    public byte RawDayOfWeek => _dayOfWeek;

    /// <summary>The year, or null when not specified (0xFFFF).</summary>
    public int? Year => _year == YearNotSpecified ? null : _year;

    /// <summary>The month 1–12, or null for "not specified", the DST markers and reserved values.</summary>
    public int? Month => _month is >= 1 and <= 12 ? _month : null;

    /// <summary>The day of month 1–31, or null for "not specified", last/second-last day and reserved values.</summary>
    public int? DayOfMonth => _day is >= 1 and <= 31 ? _day : null;

    /// <summary>The day of week (encoded 1 = Monday … 7 = Sunday), or null when not specified or reserved.</summary>
    public DayOfWeek? DayOfWeek => _dayOfWeek is >= 1 and <= 7 ? (System.DayOfWeek)(_dayOfWeek % 7) : null;

    /// <summary>True when the month byte is 0xFE: the month in which daylight savings begins.</summary>
    public bool IsDaylightSavingsBeginMonth => _month == DaylightSavingsBeginMonth;
    /// <summary>True when the month byte is 0xFD: the month in which daylight savings ends.</summary>
    public bool IsDaylightSavingsEndMonth => _month == DaylightSavingsEndMonth;
    /// <summary>True when the day-of-month byte is 0xFE: the last day of the month.</summary>
    public bool IsLastDayOfMonth => _day == LastDayOfMonth;
    /// <summary>True when the day-of-month byte is 0xFD: the second last day of the month.</summary>
    public bool IsSecondLastDayOfMonth => _day == SecondLastDayOfMonth;

    /// <summary>True when year, month and day name one calendar day (day of week is not checked).</summary>
    public bool IsSpecificDate => TryToDateOnly(out _);

    /// <summary>Writes the five bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"A date needs {Length} bytes.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt16BigEndian(destination, _year);
        destination[2] = _month;
        destination[3] = _day;
        destination[4] = _dayOfWeek;
    }

    /// <summary>
    /// The calendar day, when year and month are specified and the day is 1–31 (valid for that month), the last
    /// (0xFE) or the second last (0xFD) day. The day of week is not cross-checked: meters often get it wrong.
    /// </summary>
    public bool TryToDateOnly(out DateOnly date)
    {
        date = default;
        if (_year == YearNotSpecified || _year < 1 || _year > 9999 || _month is < 1 or > 12)
        {
            return false;
        }
        int daysInMonth = DateTime.DaysInMonth(_year, _month);
        int day = _day switch
        {
            LastDayOfMonth => daysInMonth,
            SecondLastDayOfMonth => daysInMonth - 1,
            _ => _day,
        };
        if (day < 1 || day > daysInMonth)
        {
            return false;
        }
        date = new DateOnly(_year, _month, day);
        return true;
    }

    /// <summary>Like <see cref="TryToDateOnly"/> but throws <see cref="CosemEncodingException"/> when it is not one day.</summary>
    public DateOnly ToDateOnly() => TryToDateOnly(out var date)
        ? date
        : throw new CosemEncodingException($"Date {this} does not name a single calendar day.", -1, "date");

    /// <summary>"2024-06-15 Sat"; wildcards as '*', DST and last-day markers by name, reserved values as hex.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(24);
        AppendTo(text, includeDayOfWeek: true);
        return text.ToString();
    }

    internal void AppendTo(StringBuilder text, bool includeDayOfWeek)
    {
        if (_year == YearNotSpecified)
        {
            text.Append("****");
        }
        else
        {
            text.Append(_year.ToString("D4", CultureInfo.InvariantCulture));
        }
        text.Append('-');
        text.Append(_month switch
        {
            NotSpecified => "**",
            DaylightSavingsBeginMonth => "dst-begin",
            DaylightSavingsEndMonth => "dst-end",
            >= 1 and <= 12 => _month.ToString("D2", CultureInfo.InvariantCulture),
            _ => "#" + _month.ToString("X2", CultureInfo.InvariantCulture),
        });
        text.Append('-');
        text.Append(_day switch
        {
            NotSpecified => "**",
            LastDayOfMonth => "last",
            SecondLastDayOfMonth => "second-last",
            >= 1 and <= 31 => _day.ToString("D2", CultureInfo.InvariantCulture),
            _ => "#" + _day.ToString("X2", CultureInfo.InvariantCulture),
        });
        if (includeDayOfWeek && _dayOfWeek != NotSpecified)
        {
            text.Append(' ');
            AppendDayOfWeek(text);
        }
    }

    internal void AppendDayOfWeek(StringBuilder text)
    {
        if (_dayOfWeek != NotSpecified)
        {
            text.Append(DayOfWeek is { } dow
                ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(dow)
                : "#" + _dayOfWeek.ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Encodes a .NET day of week as COSEM does: Monday = 1 … Sunday = 7.</summary>
    internal static byte EncodeDayOfWeek(System.DayOfWeek dayOfWeek) =>
        dayOfWeek == System.DayOfWeek.Sunday ? (byte)7 : (byte)dayOfWeek;

    /// <summary>Equal when all four raw fields are the same (wildcards compare as themselves).</summary>
    public bool Equals(CosemDate other) =>
        _year == other._year && _month == other._month && _day == other._day && _dayOfWeek == other._dayOfWeek;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CosemDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_year, _month, _day, _dayOfWeek);

    /// <summary>True when both dates are equal by <see cref="Equals(CosemDate)"/>.</summary>
    public static bool operator ==(CosemDate left, CosemDate right) => left.Equals(right);

    /// <summary>True when the dates differ by <see cref="Equals(CosemDate)"/>.</summary>
    public static bool operator !=(CosemDate left, CosemDate right) => !left.Equals(right);
}
