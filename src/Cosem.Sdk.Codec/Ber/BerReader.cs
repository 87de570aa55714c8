using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Cosem.Sdk.Ber;

/// <summary>
/// Forward-only reader of BER (ISO/IEC 8825-1) as used by the ACSE APDUs of IEC 62056-5-3 §9: identifiers in low
/// and high tag-number form, definite lengths in short and long form, and the primitive types DLMS carries.
/// A constructed value is read with <see cref="ReadConstructed"/>, which returns a reader over its contents whose
/// error offsets still count from the start of the outermost buffer. Allocates nothing; every failure is a
/// <see cref="CosemEncodingException"/> naming the byte offset and the field.
/// </summary>
/// <remarks>
/// Indefinite lengths (0x80) are refused: DLMS only uses definite lengths, and refusing them keeps hostile input from
/// forcing a search for end-of-contents octets.
/// System.Formats.Asn1 ships in the shared framework, but it is not used: its AsnReader/AsnWriter are classes that
/// allocate, throw their own exception types without our offset and field, and the writer cannot encode straight into
/// a caller's span; the DLMS subset of BER is small enough to read and write here without allocating.
/// </remarks>
public ref struct BerReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _baseOffset;
    private int _position;

    /// <param name="buffer">The encoded bytes.</param>
    /// <param name="baseOffset">Offset of <paramref name="buffer"/> within the unit being decoded, so errors report
    /// positions in the caller's terms.</param>
    public BerReader(ReadOnlySpan<byte> buffer, int baseOffset = 0)
    {
        _buffer = buffer;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary><see cref="Position"/> plus the base offset.</summary>
    public readonly int AbsolutePosition => _baseOffset + _position;

    /// <summary>Number of bytes left to read after the current position.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>True when every byte of the buffer has been read.</summary>
    public readonly bool IsAtEnd => _position >= _buffer.Length;

    /// <summary>Throws unless every byte has been consumed.</summary>
    public readonly void EnsureAtEnd(string field = "end of data")
    {
        if (_position != _buffer.Length)
        {
            throw new CosemEncodingException($"{_buffer.Length - _position} unexpected trailing byte(s).", AbsolutePosition, field);
        }
    }

    // ---- Identifier and length ---------------------------------------------------------------------------------

    /// <summary>The next identifier, without consuming it.</summary>
    public readonly BerTag PeekTag(string field = "tag")
    {
        var copy = this;
        return copy.ReadTag(field);
    }

    /// <summary>Consumes an identifier (ISO/IEC 8825-1 §8.1.2), in low or high tag-number form.</summary>
    public BerTag ReadTag(string field = "tag")
    {
        int start = AbsolutePosition;
        byte first = TakeByte(field);
        var tagClass = (BerTagClass)(first >> 6);
        bool constructed = (first & 0x20) != 0;
        int number = first & 0x1F;
        if (number != 0x1F)
        {
            return new BerTag(tagClass, number, constructed);
        }

        // High tag-number form: base-128 digits, most significant first, bit 8 set on all but the last (§8.1.2.4).
        number = 0;
        for (int digits = 0; ; digits++)
        {
            if (digits == 4)
            {
                throw new CosemEncodingException("Tag number is too large.", start, field);
            }
            byte b = TakeByte(field);
            if (digits == 0 && b == 0x80)
            {
                throw new CosemEncodingException("Tag number has a leading zero digit (X.690 §8.1.2.4.2 c).", start, field);
            }
            number = (number << 7) | (b & 0x7F);
            if ((b & 0x80) == 0)
            {
                break;
            }
        }
        if (number < 31)
        {
            throw new CosemEncodingException($"Tag number {number} must use the low tag-number form.", start, field);
        }
        return new BerTag(tagClass, number, constructed);
    }

    /// <summary>
    /// Consumes a definite length (§8.1.3), short or long form, and checks that the contents fit in what is left.
    /// </summary>
    public int ReadLength(string field = "length")
    {
        int start = AbsolutePosition;
        byte first = TakeByte(field);
        int length;
        if (first < 0x80)
        {
            length = first;
        }
        else
        {
            int count = first & 0x7F;
            if (count == 0)
            {
                throw new CosemEncodingException("Indefinite length is not supported.", start, field);
            }
            if (count > 4)
            {
                throw new CosemEncodingException($"A length of {count} octets is too large.", start, field);
            }
            uint value = 0;
            for (int i = 0; i < count; i++)
            {
                value = (value << 8) | TakeByte(field);
            }
            if (value > int.MaxValue)
            {
                throw new CosemEncodingException($"Length {value} is too large.", start, field);
            }
            length = (int)value;
        }
        if (length > Remaining)
        {
            throw new CosemEncodingException($"Length {length} overruns the {Remaining} byte(s) left.", start, field);
        }
        return length;
    }

    // ---- Whole values -------------------------------------------------------------------------------------------

    /// <summary>Consumes the next value of any tag and returns its contents octets.</summary>
    public ReadOnlySpan<byte> ReadValue(out BerTag tag, string field = "value")
    {
        tag = ReadTag(field);
        int length = ReadLength(field);
        return Take(length);
    }

    /// <summary>Consumes the next value and returns it whole, identifier and length included.</summary>
    public ReadOnlySpan<byte> ReadEncodedValue(string field = "value")
    {
        int start = _position;
        ReadValue(out _, field);
        return _buffer[start.._position];
    }

    /// <summary>Skips the next value, whatever it is.</summary>
    public void Skip(string field = "value") => ReadValue(out _, field);

    /// <summary>Consumes a primitive value tagged <paramref name="expected"/> and returns its contents octets.</summary>
    public ReadOnlySpan<byte> ReadPrimitive(BerTag expected, string field)
    {
        ExpectTag(expected, field);
        int length = ReadLength(field);
        return Take(length);
    }

    /// <summary>
    /// Consumes a constructed value tagged <paramref name="expected"/> and returns a reader over its contents.
    /// <paramref name="expected"/> is matched with its constructed bit forced on.
    /// </summary>
    public BerReader ReadConstructed(BerTag expected, string field)
    {
        ExpectTag(expected.AsConstructed(), field);
        int length = ReadLength(field);
        int contentsAt = AbsolutePosition;
        return new BerReader(Take(length), contentsAt);
    }

    // ---- Typed primitives (ISO/IEC 8825-1 §8.2-8.19) ------------------------------------------------------------

    /// <summary>BOOLEAN (§8.2): one octet, zero is false.</summary>
    public bool ReadBoolean(string field, BerTag? tag = null)
    {
        int at = AbsolutePosition;
        var contents = ReadPrimitive(tag ?? BerTag.Boolean, field);
        if (contents.Length != 1)
        {
            throw new CosemEncodingException($"A BOOLEAN has one contents octet; found {contents.Length}.", at, field);
        }
        return contents[0] != 0;
    }

    /// <summary>INTEGER (§8.3), two's complement, that must fit in 64 bits.</summary>
    public long ReadInteger(string field, BerTag? tag = null)
    {
        int at = AbsolutePosition;
        var contents = ReadPrimitive(tag ?? BerTag.Integer, field);
        return DecodeInteger(contents, at, field);
    }

    /// <summary>Decodes INTEGER contents octets (§8.3). Redundant leading octets are tolerated.</summary>
    public static long DecodeInteger(ReadOnlySpan<byte> contents, int offset, string field)
    {
        if (contents.IsEmpty)
        {
            throw new CosemEncodingException("An INTEGER needs at least one contents octet.", offset, field);
        }
        // Drop redundant sign octets so a value padded beyond eight octets still decodes if it fits.
        while (contents.Length > 8 && ((contents[0] == 0x00 && contents[1] < 0x80) || (contents[0] == 0xFF && contents[1] >= 0x80)))
        {
            contents = contents[1..];
        }
        if (contents.Length > 8)
        {
            throw new CosemEncodingException($"INTEGER of {contents.Length} octets does not fit in 64 bits.", offset, field);
        }
        long value = (sbyte)contents[0];
        for (int i = 1; i < contents.Length; i++)
        {
            value = (value << 8) | contents[i];
        }
        return value;
    }

    /// <summary>BIT STRING (§8.6), primitive form: the packed bits (first bit = MSB of the first octet).</summary>
    public ReadOnlySpan<byte> ReadBitString(out int unusedBits, string field, BerTag? tag = null)
    {
        int at = AbsolutePosition;
        var contents = ReadPrimitive(tag ?? BerTag.BitString, field);
        if (contents.IsEmpty)
        {
            throw new CosemEncodingException("A BIT STRING needs its unused-bits octet.", at, field);
        }
        unusedBits = contents[0];
        if (unusedBits > 7 || (contents.Length == 1 && unusedBits != 0))
        {
            throw new CosemEncodingException($"Invalid unused-bits count {unusedBits}.", at, field);
        }
        return contents[1..];
    }

    /// <summary>OCTET STRING (§8.7), primitive form.</summary>
    public ReadOnlySpan<byte> ReadOctetString(string field, BerTag? tag = null) => ReadPrimitive(tag ?? BerTag.OctetString, field);

    /// <summary>GraphicString (§8.23), primitive form: the raw character octets.</summary>
    public ReadOnlySpan<byte> ReadGraphicString(string field, BerTag? tag = null) => ReadPrimitive(tag ?? BerTag.GraphicString, field);

    /// <summary>
    /// OBJECT IDENTIFIER (§8.19): the contents octets, checked to be well-formed. Use
    /// <see cref="BerObjectIdentifier"/> to turn them into arcs or text.
    /// </summary>
    public ReadOnlySpan<byte> ReadObjectIdentifier(string field, BerTag? tag = null)
    {
        int at = AbsolutePosition;
        var contents = ReadPrimitive(tag ?? BerTag.ObjectIdentifier, field);
        BerObjectIdentifier.Validate(contents, at, field);
        return contents;
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private void ExpectTag(BerTag expected, string field)
    {
        int at = AbsolutePosition;
        var found = ReadTag(field);
        if (found != expected)
        {
            throw new CosemEncodingException($"Expected {expected} but found {found}.", at, field);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte TakeByte(string field)
    {
        if ((uint)_position >= (uint)_buffer.Length)
        {
            ThrowTruncated(field);
        }
        return _buffer[_position++];
    }

    // Every caller passes a length that ReadLength has already checked against what is left, so no second check
    // (it could never fail, and mutation testing showed it as code no input reaches).
    private ReadOnlySpan<byte> Take(int count)
    {
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    [DoesNotReturn]
    private readonly void ThrowTruncated(string field) =>
        throw new CosemEncodingException($"Truncated: 1 byte(s) needed, {_buffer.Length - _position} left.", AbsolutePosition, field);
}
