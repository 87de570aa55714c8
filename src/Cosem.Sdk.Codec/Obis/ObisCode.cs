using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cosem.Sdk.Obis;

/// <summary>
/// A COSEM logical name: the six value groups A–F of an OBIS code (IEC 62056-6-1). Stored packed in one
/// <see cref="ulong"/>, so equality, hashing and ordering cost one integer operation.
/// </summary>
/// <remarks>
/// Parses both the dotted form "1.0.1.8.0.255" and the reduced-ID form "1-0:1.8.0*255" (any of <c>. - : *</c>
/// between groups). Formats dotted by default; format "R" gives the reduced-ID form.
/// </remarks>
public readonly partial struct ObisCode :
    IEquatable<ObisCode>, IComparable<ObisCode>, IComparable,
    ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<ObisCode>
{
    /// <summary>Number of bytes of a logical name on the wire: the six value groups A to F.</summary>
    public const int Length = 6;

    // A in bits 40-47 ... F in bits 0-7: numeric order of the packed value is the lexicographic order of A..F.
    private readonly ulong _packed;

    /// <summary>The OBIS code A.B.C.D.E.F from its six value groups.</summary>
    public ObisCode(byte a, byte b, byte c, byte d, byte e, byte f)
    {
        _packed = ((ulong)a << 40) | ((ulong)b << 32) | ((ulong)c << 24) | ((ulong)d << 16) | ((ulong)e << 8) | f;
    }

    /// <summary>Reads the six bytes of a logical name as carried in an octet-string.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not six bytes long.</exception>
    public ObisCode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A logical name is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }
        _packed = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]);
    }

    private ObisCode(ulong packed) => _packed = packed;

    /// <summary>
    /// Value group A: the media (0 abstract, 1 electricity, 4 heat cost, 5-6 heat/cooling, 7 gas, 8-9 water).
    /// </summary>
    public byte A => (byte)(_packed >> 40);
    /// <summary>Value group B: the channel (0 when there is only one).</summary>
    public byte B => (byte)(_packed >> 32);
    /// <summary>
    /// Value group C: the physical quantity or abstract object (e.g. 1 active power+ for electricity, 96 service
    /// entries).
    /// </summary>
    public byte C => (byte)(_packed >> 24);
    /// <summary>Value group D: the processing of the quantity (e.g. 8 time integral 1, i.e. energy register).</summary>
    public byte D => (byte)(_packed >> 16);
    /// <summary>Value group E: further classification, e.g. the tariff rate (0 total).</summary>
    public byte E => (byte)(_packed >> 8);
    /// <summary>Value group F: the billing period or historical value (255 when not used).</summary>
    public byte F => (byte)_packed;

    /// <summary>The value group at <paramref name="index"/> (0 = A … 5 = F).</summary>
    public byte this[int index] => (uint)index < Length
        ? (byte)(_packed >> (8 * (5 - index)))
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Writes the six bytes; <paramref name="destination"/> must hold at least six.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"A logical name needs {Length} bytes.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(_packed >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)_packed);
    }

    /// <summary>The six bytes A to F as sent in an instance-id / logical-name octet-string.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Equal when all six value groups are the same.</summary>
    public bool Equals(ObisCode other) => _packed == other._packed;
    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ObisCode other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => _packed.GetHashCode();
    /// <summary>Orders by value groups A to F, compared in that order.</summary>
    public int CompareTo(ObisCode other) => _packed.CompareTo(other._packed);
    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ObisCode other => CompareTo(other),
        _ => throw new ArgumentException("Object is not an ObisCode.", nameof(obj)),
    };

    /// <summary>True when all six value groups are equal.</summary>
    public static bool operator ==(ObisCode left, ObisCode right) => left._packed == right._packed;
    /// <summary>True when any value group differs.</summary>
    public static bool operator !=(ObisCode left, ObisCode right) => left._packed != right._packed;
    /// <summary>
    /// True when <paramref name="left"/> sorts before <paramref name="right"/> by value groups A to F.
    /// </summary>
    public static bool operator <(ObisCode left, ObisCode right) => left._packed < right._packed;
    /// <summary>
    /// True when <paramref name="left"/> sorts after <paramref name="right"/> by value groups A to F.
    /// </summary>
    public static bool operator >(ObisCode left, ObisCode right) => left._packed > right._packed;
    /// <summary>True when <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</summary>
    public static bool operator <=(ObisCode left, ObisCode right) => left._packed <= right._packed;
    /// <summary>True when <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</summary>
    public static bool operator >=(ObisCode left, ObisCode right) => left._packed >= right._packed;

    /// <summary>Parses either text form; a string is the common way to write a constant in user code.</summary>
    public static implicit operator ObisCode(string text) => Parse(text);

    /// <summary>The dotted form "A.B.C.D.E.F", e.g. "1.0.1.8.0.255".</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the code as dotted or reduced ID text; throws <see cref="FormatException"/> on another format.
    /// </summary>
    /// <param name="format">null, "" or "D": "1.0.1.8.0.255"; "R": reduced ID "1-0:1.8.0*255".</param>
    /// <param name="formatProvider">Ignored: the digits are always invariant.</param>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        // 23 characters hold the longest form, "255-255:255.255.255*255"; a bad format throws in TryFormat.
        Span<char> buffer = stackalloc char[23];
        _ = TryFormat(buffer, out int written, format, formatProvider);
        return new string(buffer[..written]);
    }

    /// <summary>
    /// Formats as dotted ("D", default) or reduced ID ("R", "1-0:1.8.0*255"); <paramref name="provider"/> is ignored
    /// (invariant digits).
    /// </summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        bool reduced = IsReducedFormat(format);
        return reduced
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{A}-{B}:{C}.{D}.{E}*{F}", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"{A}.{B}.{C}.{D}.{E}.{F}", out charsWritten);
    }

    /// <summary>
    /// Formats as UTF-8, dotted ("D", default) or reduced ID ("R", "1-0:1.8.0*255"); <paramref name="provider"/> is
    /// ignored.
    /// </summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        bool reduced = IsReducedFormat(format);
        return reduced
            ? System.Text.Unicode.Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{A}-{B}:{C}.{D}.{E}*{F}", out bytesWritten)
            : System.Text.Unicode.Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{A}.{B}.{C}.{D}.{E}.{F}", out bytesWritten);
    }

    private static bool IsReducedFormat(ReadOnlySpan<char> format) => format switch
    {
        [] or ['D'] or ['d'] => false,
        ['R'] or ['r'] => true,
        _ => throw new FormatException($"Unknown OBIS format '{format}'. Use 'D' (dotted) or 'R' (reduced ID)."),
    };

    /// <summary>
    /// Parses the dotted "1.0.1.8.0.255" or reduced "1-0:1.8.0*255" form; throws <see cref="FormatException"/> on
    /// anything else.
    /// </summary>
    public static ObisCode Parse(string text) => Parse(text.AsSpan(), null);

    /// <summary>Parses the dotted or reduced form; <paramref name="provider"/> is ignored.</summary>
    public static ObisCode Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <summary>Parses the dotted or reduced form; <paramref name="provider"/> is ignored.</summary>
    public static ObisCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not an OBIS code: expected six groups 0-255 as A.B.C.D.E.F or A-B:C.D.E*F.");

    /// <summary>
    /// Tries the dotted or reduced form; false on null or bad text. <paramref name="provider"/> is ignored.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ObisCode result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries the dotted "1.0.1.8.0.255" or reduced "1-0:1.8.0*255" form; false on null or bad text.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out ObisCode result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries the dotted or reduced form; false on bad text. <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ObisCode result)
    {
        result = default;
        s = s.Trim();
        ulong packed = 0;
        int group = 0;
        int i = 0;
        while (group < Length)
        {
            int start = i;
            int value = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 3)
            {
                value = value * 10 + (s[i] - '0');
                i++;
            }
            if (i == start || value > 255)
            {
                return false;
            }
            packed = (packed << 8) | (uint)value;
            group++;
            if (group == Length)
            {
                break;
            }
            if (i >= s.Length || s[i] is not ('.' or '-' or ':' or '*' or ','))
            {
                return false;
            }
            i++;
        }
        if (i != s.Length)
        {
            return false;
        }
        result = new ObisCode(packed);
        return true;
    }
}
