using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Cosem.Sdk.Ber;

/// <summary>
/// Forward-only BER writer with minimal (DER-style) definite lengths, into a caller-provided span.
/// </summary>
/// <remarks>
/// <para>
/// Constructed values are opened with <see cref="StartConstructed"/> and closed with <see cref="EndConstructed"/>.
/// The writer reserves one length octet when a value opens; when it closes with more than 127 contents octets, the
/// contents are shifted right to make room for the long-form length. Nesting is tracked in a fixed inline stack, so
/// the writer allocates nothing.
/// </para>
/// <para>
/// A writer made by <see cref="CreateMeasuring"/> writes nothing and only counts: run the same encoding code once to
/// measure and once to write into an exactly-sized span, which is how the ACSE APDUs encode into a buffer writer.
/// </para>
/// </remarks>
public ref struct BerWriter
{
    /// <summary>Deepest nesting of constructed values.</summary>
    public const int MaxDepth = 16;

    private readonly Span<byte> _span;
    private readonly bool _measuring;
    private int _position;
    private int _depth;
    private OpenValues _open;

    /// <summary>Writes into <paramref name="destination"/>; running out of room throws.</summary>
    public BerWriter(Span<byte> destination)
    {
        _span = destination;
        _measuring = false;
    }

    private BerWriter(bool measuring)
    {
        _span = default;
        _measuring = measuring;
    }

    /// <summary>A writer that stores nothing and only counts the bytes the encoding would take.</summary>
    public static BerWriter CreateMeasuring() => new(measuring: true);

    /// <summary>True for a writer made by <see cref="CreateMeasuring"/>.</summary>
    public readonly bool IsMeasuring => _measuring;

    /// <summary>Bytes written (or, when measuring, counted) so far.</summary>
    public readonly int BytesWritten => _position;

    /// <summary>Constructed values opened and not closed yet.</summary>
    public readonly int Depth => _depth;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _measuring
        ? throw new InvalidOperationException("A measuring writer keeps no bytes.")
        : _span[.._position];

    // ---- Structure ----------------------------------------------------------------------------------------------

    /// <summary>Opens a constructed value tagged <paramref name="tag"/> (the constructed bit is forced on).</summary>
    public void StartConstructed(BerTag tag)
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidOperationException($"BER values nested deeper than {MaxDepth} levels.");
        }
        WriteTag(tag.AsConstructed());
        PutByte(0); // Length placeholder, fixed up by EndConstructed.
        _open[_depth++] = _position;
    }

    /// <summary>Closes the innermost constructed value, writing its length.</summary>
    public void EndConstructed()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("No constructed value is open.");
        }
        int contentsStart = _open[--_depth];
        int length = _position - contentsStart;
        int extra = GetLengthSize(length) - 1;
        if (_measuring)
        {
            _position += extra;
            return;
        }
        if (extra > 0)
        {
            EnsureRoom(extra);
            _span.Slice(contentsStart, length).CopyTo(_span[(contentsStart + extra)..]);
            _position += extra;
        }
        WriteLengthAt(_span[(contentsStart - 1)..], length);
    }

    /// <summary>Throws unless every constructed value has been closed.</summary>
    public readonly void EnsureComplete()
    {
        if (_depth != 0)
        {
            throw new InvalidOperationException($"{_depth} constructed value(s) left open.");
        }
    }

    // ---- Identifier, length and raw bytes ----------------------------------------------------------------------

    /// <summary>
    /// Writes the identifier octet(s) of <paramref name="tag"/>, with high-tag-number form for numbers 31 and above.
    /// </summary>
    public void WriteTag(BerTag tag)
    {
        int count = tag.EncodedLength;
        if (_measuring)
        {
            _position += count;
            return;
        }
        EnsureRoom(count);
        tag.WriteTo(_span[_position..]);
        _position += count;
    }

    /// <summary>A definite length in the shortest form (§8.1.3, X.690 §10.1).</summary>
    public void WriteLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int count = GetLengthSize(length);
        if (_measuring)
        {
            _position += count;
            return;
        }
        EnsureRoom(count);
        WriteLengthAt(_span[_position..], length);
        _position += count;
    }

    /// <summary>Copies already-encoded bytes (a whole TLV, or contents being assembled by hand).</summary>
    public void WriteEncoded(scoped ReadOnlySpan<byte> bytes) => Put(bytes);

    // ---- Typed values -------------------------------------------------------------------------------------------

    /// <summary>A primitive value: identifier, length, contents.</summary>
    public void WritePrimitive(BerTag tag, scoped ReadOnlySpan<byte> contents)
    {
        WriteTag(tag);
        WriteLength(contents.Length);
        Put(contents);
    }

    /// <summary>
    /// Writes a BOOLEAN TLV (0xFF for true, 0x00 for false), under <paramref name="tag"/> when given, else UNIVERSAL 1.
    /// </summary>
    public void WriteBoolean(bool value, BerTag? tag = null)
    {
        WriteTag(tag ?? BerTag.Boolean);
        WriteLength(1);
        PutByte(value ? (byte)0xFF : (byte)0x00);
    }

    /// <summary>INTEGER (§8.3) in the fewest two's-complement octets.</summary>
    public void WriteInteger(long value, BerTag? tag = null)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        int start = 0;
        while (start < 7 && ((bytes[start] == 0x00 && bytes[start + 1] < 0x80) || (bytes[start] == 0xFF && bytes[start + 1] >= 0x80)))
        {
            start++;
        }
        WritePrimitive(tag ?? BerTag.Integer, bytes[start..]);
    }

    /// <summary>BIT STRING (§8.6): the unused-bits octet, then <paramref name="bits"/> (first bit = MSB).</summary>
    public void WriteBitString(scoped ReadOnlySpan<byte> bits, int unusedBits = 0, BerTag? tag = null)
    {
        if ((uint)unusedBits > 7 || (bits.IsEmpty && unusedBits != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(unusedBits), unusedBits, "Unused bits must be 0..7, and 0 for an empty bit string.");
        }
        WriteTag(tag ?? BerTag.BitString);
        WriteLength(bits.Length + 1);
        PutByte((byte)unusedBits);
        Put(bits);
    }

    /// <summary>
    /// Writes an OCTET STRING TLV, under <paramref name="tag"/> when given (implicit tagging), else UNIVERSAL 4.
    /// </summary>
    public void WriteOctetString(scoped ReadOnlySpan<byte> value, BerTag? tag = null) => WritePrimitive(tag ?? BerTag.OctetString, value);

    /// <summary>GraphicString (§8.23) from its character octets.</summary>
    public void WriteGraphicString(scoped ReadOnlySpan<byte> value, BerTag? tag = null) => WritePrimitive(tag ?? BerTag.GraphicString, value);

    /// <summary>OBJECT IDENTIFIER (§8.19) from its arcs.</summary>
    public void WriteObjectIdentifier(scoped ReadOnlySpan<uint> arcs, BerTag? tag = null)
    {
        int length = BerObjectIdentifier.GetEncodedLength(arcs);
        WriteTag(tag ?? BerTag.ObjectIdentifier);
        WriteLength(length);
        if (_measuring)
        {
            _position += length;
            return;
        }
        EnsureRoom(length);
        BerObjectIdentifier.Encode(arcs, _span[_position..]);
        _position += length;
    }

    // ---- Sizes --------------------------------------------------------------------------------------------------

    /// <summary>Octets a definite length of <paramref name="length"/> takes in its shortest form.</summary>
    public static int GetLengthSize(int length) =>
        length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : length <= 0xFFFFFF ? 4 : 5;

    /// <summary>Octets a whole value takes: identifier, length and <paramref name="contentsLength"/>.</summary>
    public static int GetEncodedLength(BerTag tag, int contentsLength) =>
        tag.EncodedLength + GetLengthSize(contentsLength) + contentsLength;

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private static void WriteLengthAt(Span<byte> destination, int length)
    {
        if (length < 0x80)
        {
            destination[0] = (byte)length;
            return;
        }
        int count = GetLengthSize(length) - 1;
        destination[0] = (byte)(0x80 | count);
        for (int i = count; i >= 1; i--)
        {
            destination[i] = (byte)length;
            length >>= 8;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PutByte(byte value)
    {
        if (!_measuring)
        {
            EnsureRoom(1);
            _span[_position] = value;
        }
        _position++;
    }

    private void Put(scoped ReadOnlySpan<byte> bytes)
    {
        if (!_measuring)
        {
            EnsureRoom(bytes.Length);
            bytes.CopyTo(_span[_position..]);
        }
        _position += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void EnsureRoom(int count)
    {
        if ((uint)count > (uint)(_span.Length - _position))
        {
            throw new CosemEncodingException(
                $"Destination too small: {count} more byte(s) needed, {_span.Length - _position} left.", _position, "destination");
        }
    }

    [InlineArray(MaxDepth)]
    private struct OpenValues
    {
        private int _element;
    }
}
