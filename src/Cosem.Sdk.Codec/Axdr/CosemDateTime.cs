using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// A COSEM date-time, twelve bytes (IEC 62056-6-2 §4.1.6.1): date (5), time (4), deviation (2), clock status (1).
/// Every byte is kept exactly as received, wildcards and reserved values included, so any twelve bytes decode and
/// re-encode byte-identically; interpretation happens only in the nullable properties and the conversions.
/// </summary>
/// <remarks>
/// Deviation convention (Blue Book §4.1.6.1, also IDIS): deviation is the number of minutes from local time to
/// UTC, i.e. <c>UTC = local time + deviation</c>. Central European Summer Time (UTC+2) is therefore sent as -120
/// (0xFF88) and <see cref="UtcOffset"/> reports +02:00. Some national companion standards (e.g. India IS 15959)
/// use the opposite sign; for such meters negate <see cref="Deviation"/> with <see cref="WithDeviation"/>.
/// </remarks>
public readonly struct CosemDateTime : IEquatable<CosemDateTime>
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Length = 12;

    /// <summary>deviation = 0x8000: not specified.</summary>
    public const short DeviationNotSpecified = unchecked((short)0x8000);

    /// <summary>clock status = 0xFF: not specified.</summary>
    public const byte ClockStatusNotSpecified = 0xFF;

    // Largest |deviation| accepted when converting: the Blue Book range is -720..720, but real zones reach UTC+14.
    private const int MaxConvertibleDeviation = 14 * 60;

    private readonly CosemDate _date;
    private readonly CosemTime _time;
    private readonly short _deviation;
    private readonly byte _clockStatus;

    /// <summary>A date-time from its parts, kept as given (wildcards and reserved values allowed).</summary>
    /// <param name="date">Bytes 0-4: year, month, day of month, day of week.</param>
    /// <param name="time">Bytes 5-8: hour, minute, second, hundredths.</param>
    /// <param name="deviation">Raw deviation in minutes, <c>UTC = local + deviation</c>; <see cref="DeviationNotSpecified"/> for none.</param>
    /// <param name="clockStatus">Raw clock status byte; <see cref="ClockStatusNotSpecified"/> for none.</param>
    public CosemDateTime(CosemDate date, CosemTime time, short deviation, byte clockStatus)
    {
        _date = date;
        _time = time;
        _deviation = deviation;
        _clockStatus = clockStatus;
    }

    /// <summary>Reads the twelve encoded bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not twelve bytes long.</exception>
    public CosemDateTime(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A date-time is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }
        this = Read(bytes);
    }

    // Caller guarantees bytes.Length >= 12: the reader's hot path.
    internal static CosemDateTime Read(ReadOnlySpan<byte> bytes) => new(
        new CosemDate(BinaryPrimitives.ReadUInt16BigEndian(bytes), bytes[2], bytes[3], bytes[4]),
        new CosemTime(bytes[5], bytes[6], bytes[7], bytes[8]),
        BinaryPrimitives.ReadInt16BigEndian(bytes[9..]),
        bytes[11]);

    /// <summary>Every field "not specified": FFFF FF FF FF FF FF FF FF 8000 FF.</summary>
    public static CosemDateTime Unspecified =>
        new(CosemDate.Unspecified, CosemTime.Unspecified, DeviationNotSpecified, ClockStatusNotSpecified);

    /// <summary>
    /// The wall-clock time and offset of <paramref name="value"/>; deviation is minus its offset. Sub-hundredth
    /// precision is truncated. The clock status defaults to "no flags set".
    /// </summary>
    public static CosemDateTime From(DateTimeOffset value, ClockStatus? clockStatus = Axdr.ClockStatus.None)
    {
        var local = value.DateTime;
        return new CosemDateTime(
            CosemDate.From(DateOnly.FromDateTime(local)),
            CosemTime.From(TimeOnly.FromDateTime(local)),
            checked((short)-(int)value.Offset.TotalMinutes),
            EncodeStatus(clockStatus));
    }

    /// <summary>
    /// <paramref name="instant"/> as the wall-clock time of <paramref name="zone"/>, with that zone's deviation and
    /// the daylight-saving-active flag set when the zone observes DST at that instant.
    /// </summary>
    public static CosemDateTime From(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var status = zone.IsDaylightSavingTime(local) ? Axdr.ClockStatus.DaylightSavingActive : Axdr.ClockStatus.None;
        return From(local, status);
    }

    /// <summary>
    /// A <see cref="System.DateTime"/>: UTC gets deviation 0, Local gets the machine's offset, Unspecified gets
    /// deviation "not specified" (a wall-clock time with no known zone).
    /// </summary>
    public static CosemDateTime FromDateTime(DateTime value, ClockStatus? clockStatus = Axdr.ClockStatus.None)
    {
        if (value.Kind == DateTimeKind.Unspecified)
        {
            return new CosemDateTime(
                CosemDate.From(DateOnly.FromDateTime(value)),
                CosemTime.From(TimeOnly.FromDateTime(value)),
                DeviationNotSpecified,
                EncodeStatus(clockStatus));
        }
        return From(new DateTimeOffset(value), clockStatus);
    }

    /// <summary>The date part (bytes 0-4 of the 12-byte date-time), wildcards kept.</summary>
    public CosemDate Date => _date;
    /// <summary>The time part (bytes 5-8 of the 12-byte date-time), wildcards kept.</summary>
    public CosemTime Time => _time;

    /// <summary>The stored deviation, 0x8000 when not specified.</summary>
    public short RawDeviation => _deviation;

    /// <summary>The stored clock status byte, 0xFF when not specified.</summary>
    public byte RawClockStatus => _clockStatus;

    /// <summary>The year, or null when not specified.</summary>
    public int? Year => _date.Year;
    /// <summary>The month 1-12, or null when not specified or a daylight savings marker.</summary>
    public int? Month => _date.Month;
    /// <summary>The day of month 1-31, or null when not specified or a last/second-last day marker.</summary>
    public int? DayOfMonth => _date.DayOfMonth;
    /// <summary>The day of week, or null when not specified.</summary>
    public DayOfWeek? DayOfWeek => _date.DayOfWeek;
    /// <summary>The hour 0-23, or null when not specified.</summary>
    public int? Hour => _time.Hour;
    /// <summary>The minute 0-59, or null when not specified.</summary>
    public int? Minute => _time.Minute;
    /// <summary>The second 0-59, or null when not specified.</summary>
    public int? Second => _time.Second;
    /// <summary>The hundredths of a second 0-99, or null when not specified.</summary>
    public int? Hundredths => _time.Hundredths;

    /// <summary>Minutes from local time to UTC (<c>UTC = local + deviation</c>), or null when not specified.</summary>
    public int? Deviation => _deviation == DeviationNotSpecified ? null : _deviation;

    /// <summary>The ISO-8601 offset of the local time (local − UTC = −deviation), or null when not specified.</summary>
    public TimeSpan? UtcOffset => _deviation == DeviationNotSpecified ? null : TimeSpan.FromMinutes(-_deviation);

    /// <summary>The clock status flags, or null when not specified (0xFF).</summary>
    public ClockStatus? ClockStatus => _clockStatus == ClockStatusNotSpecified ? null : (ClockStatus)_clockStatus;

    /// <summary>A copy with another deviation (null: not specified).</summary>
    public CosemDateTime WithDeviation(int? deviation) => new(_date, _time,
        deviation is { } minutes ? checked((short)minutes) : DeviationNotSpecified, _clockStatus);

    /// <summary>A copy with another clock status (null: not specified).</summary>
    public CosemDateTime WithClockStatus(ClockStatus? clockStatus) => new(_date, _time, _deviation, EncodeStatus(clockStatus));

    /// <summary>Writes the twelve bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"A date-time needs {Length} bytes.", nameof(destination));
        }
        Write(destination);
    }

    // Caller guarantees destination.Length >= 12: the writer's hot path.
    internal void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, _date.RawYear);
        destination[2] = _date.RawMonth;
        destination[3] = _date.RawDayOfMonth;
        destination[4] = _date.RawDayOfWeek;
        destination[5] = _time.RawHour;
        destination[6] = _time.RawMinute;
        destination[7] = _time.RawSecond;
        destination[8] = _time.RawHundredths;
        BinaryPrimitives.WriteInt16BigEndian(destination[9..], _deviation);
        destination[11] = _clockStatus;
    }

    /// <summary>The wall-clock time (kind Unspecified), when date and time name one instant of local time.</summary>
    public bool TryToLocalDateTime(out DateTime value)
    {
        if (_date.TryToDateOnly(out var date) && _time.TryToTimeOnly(out var time))
        {
            value = date.ToDateTime(time, DateTimeKind.Unspecified);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>
    /// The instant, when date, time and deviation are all specified (hundredths "not specified" count as zero;
    /// the day of week is not cross-checked). False when wildcards leave it undefined.
    /// </summary>
    public bool TryToDateTimeOffset(out DateTimeOffset value)
    {
        if (_deviation != DeviationNotSpecified && Math.Abs((int)_deviation) <= MaxConvertibleDeviation
            && TryToLocalDateTime(out var local))
        {
            value = new DateTimeOffset(local, TimeSpan.FromMinutes(-_deviation));
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Like <see cref="TryToDateTimeOffset"/> but throws <see cref="CosemEncodingException"/> when undefined.</summary>
    public DateTimeOffset ToDateTimeOffset() => TryToDateTimeOffset(out var value)
        ? value
        : throw new CosemEncodingException($"Date-time {this} does not name a single instant.", -1, "date-time");

    /// <summary>
    /// The instant, taking the offset of <paramref name="assumedZone"/> when the meter left the deviation
    /// unspecified (common on meters that keep local time only).
    /// </summary>
    public DateTimeOffset ToDateTimeOffset(TimeZoneInfo assumedZone)
    {
        ArgumentNullException.ThrowIfNull(assumedZone);
        if (_deviation != DeviationNotSpecified)
        {
            return ToDateTimeOffset();
        }
        if (!TryToLocalDateTime(out var local))
        {
            throw new CosemEncodingException($"Date-time {this} does not name a single instant.", -1, "date-time");
        }
        return new DateTimeOffset(local, assumedZone.GetUtcOffset(local));
    }

    /// <summary>
    /// ISO-like text, e.g. "2024-06-15T20:23:45.00+02:00 Sat [DaylightSavingActive]": '*' for wildcards, the
    /// offset is local − UTC (so deviation -120 prints as +02:00), and the day of week and non-zero status follow.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(48);
        _date.AppendTo(text, includeDayOfWeek: false);
        text.Append('T');
        _time.AppendTo(text);
        if (_deviation != DeviationNotSpecified)
        {
            int offset = -_deviation;
            text.Append(offset < 0 ? '-' : '+');
            offset = Math.Abs(offset);
            text.Append((offset / 60).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append((offset % 60).ToString("D2", CultureInfo.InvariantCulture));
        }
        if (_date.RawDayOfWeek != CosemDate.NotSpecified)
        {
            text.Append(' ');
            _date.AppendDayOfWeek(text);
        }
        if (_clockStatus is not ClockStatusNotSpecified and not 0)
        {
            text.Append(" [").Append(((ClockStatus)_clockStatus).ToString()).Append(']');
        }
        return text.ToString();
    }

    private static byte EncodeStatus(ClockStatus? status) => status is { } value ? (byte)value : ClockStatusNotSpecified;

    /// <summary>Equal when date, time, deviation and clock status bytes are the same.</summary>
    public bool Equals(CosemDateTime other) =>
        _date == other._date && _time == other._time && _deviation == other._deviation && _clockStatus == other._clockStatus;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CosemDateTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_date, _time, _deviation, _clockStatus);

    /// <summary>True when both date-times are equal by <see cref="Equals(CosemDateTime)"/>.</summary>
    public static bool operator ==(CosemDateTime left, CosemDateTime right) => left.Equals(right);

    /// <summary>True when the date-times differ by <see cref="Equals(CosemDateTime)"/>.</summary>
    public static bool operator !=(CosemDateTime left, CosemDateTime right) => !left.Equals(right);
}
