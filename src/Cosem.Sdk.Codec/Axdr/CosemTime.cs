using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// A COSEM time: hour, minute, second, hundredths, four bytes (IEC 62056-6-2 §4.1.6.1). Every byte is kept exactly
/// as received (0xFF "not specified" and out-of-range values included), so re-encoding is byte-identical.
/// </summary>
public readonly struct CosemTime : IEquatable<CosemTime>
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Length = 4;

    /// <summary>0xFF in any field: not specified.</summary>
    public const byte NotSpecified = 0xFF;

    private readonly byte _hour;
    private readonly byte _minute;
    private readonly byte _second;
    private readonly byte _hundredths;

    /// <summary>A time from its raw field values, kept as given (wildcards and reserved values allowed).</summary>
    public CosemTime(byte hour, byte minute, byte second, byte hundredths)
    {
        _hour = hour;
        _minute = minute;
        _second = second;
        _hundredths = hundredths;
    }

    /// <summary>Reads the four encoded bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not four bytes long.</exception>
    public CosemTime(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A time is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }
        _hour = bytes[0];
        _minute = bytes[1];
        _second = bytes[2];
        _hundredths = bytes[3];
    }

    /// <summary>Every field "not specified": FF FF FF FF.</summary>
    public static CosemTime Unspecified => new(NotSpecified, NotSpecified, NotSpecified, NotSpecified);

    /// <summary>A fully specified time; sub-hundredth precision is truncated.</summary>
    public static CosemTime From(TimeOnly time) =>
        new((byte)time.Hour, (byte)time.Minute, (byte)time.Second, (byte)(time.Millisecond / 10));

    /// <summary>hour as encoded: 0-23, 0xFF not specified.</summary>
    public byte RawHour => _hour;
    /// <summary>minute as encoded: 0-59, 0xFF not specified.</summary>
    public byte RawMinute => _minute;
    /// <summary>second as encoded: 0-59, 0xFF not specified.</summary>
    public byte RawSecond => _second;
    /// <summary>hundredths as encoded: 0-99, 0xFF not specified.</summary>
    public byte RawHundredths => _hundredths;

    /// <summary>0–23, or null when not specified or out of range.</summary>
    public int? Hour => _hour <= 23 ? _hour : null;

    /// <summary>0–59, or null when not specified or out of range.</summary>
    public int? Minute => _minute <= 59 ? _minute : null;

    /// <summary>0–59, or null when not specified or out of range.</summary>
    public int? Second => _second <= 59 ? _second : null;

    /// <summary>0–99, or null when not specified or out of range.</summary>
    public int? Hundredths => _hundredths <= 99 ? _hundredths : null;

    /// <summary>Writes the four bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"A time needs {Length} bytes.", nameof(destination));
        }
        destination[0] = _hour;
        destination[1] = _minute;
        destination[2] = _second;
        destination[3] = _hundredths;
    }

    /// <summary>
    /// The time of day when hour, minute and second are in range. Hundredths "not specified" count as zero, since
    /// many meters never fill them in.
    /// </summary>
    public bool TryToTimeOnly(out TimeOnly time)
    {
        time = default;
        if (_hour > 23 || _minute > 59 || _second > 59 || (_hundredths > 99 && _hundredths != NotSpecified))
        {
            return false;
        }
        int milliseconds = _hundredths == NotSpecified ? 0 : _hundredths * 10;
        time = new TimeOnly(_hour, _minute, _second, milliseconds);
        return true;
    }

    /// <summary>Like <see cref="TryToTimeOnly"/> but throws <see cref="CosemEncodingException"/> when undefined.</summary>
    public TimeOnly ToTimeOnly() => TryToTimeOnly(out var time)
        ? time
        : throw new CosemEncodingException($"Time {this} does not name a single time of day.", -1, "time");

    /// <summary>"20:23:45.00"; wildcards as '*', out-of-range values as hex.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(12);
        AppendTo(text);
        return text.ToString();
    }

    internal void AppendTo(StringBuilder text)
    {
        AppendField(text, _hour, 23);
        text.Append(':');
        AppendField(text, _minute, 59);
        text.Append(':');
        AppendField(text, _second, 59);
        text.Append('.');
        AppendField(text, _hundredths, 99);
    }

    private static void AppendField(StringBuilder text, byte value, int max)
    {
        if (value == NotSpecified)
        {
            text.Append("**");
        }
        else if (value <= max)
        {
            text.Append(value.ToString("D2", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append('#').Append(value.ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Equal when all four raw fields are the same (wildcards compare as themselves).</summary>
    public bool Equals(CosemTime other) =>
        _hour == other._hour && _minute == other._minute && _second == other._second && _hundredths == other._hundredths;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CosemTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_hour, _minute, _second, _hundredths);

    /// <summary>True when both times are equal by <see cref="Equals(CosemTime)"/>.</summary>
    public static bool operator ==(CosemTime left, CosemTime right) => left.Equals(right);

    /// <summary>True when the times differ by <see cref="Equals(CosemTime)"/>.</summary>
    public static bool operator !=(CosemTime left, CosemTime right) => !left.Equals(right);
}
