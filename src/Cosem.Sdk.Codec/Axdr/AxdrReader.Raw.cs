using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Cosem.Sdk.Axdr;

public ref partial struct AxdrReader
{
    // ---- Raw (untagged) fields: the parts of an APDU whose type the ASN.1 fixes, and A-XDR lengths ------------

    /// <summary>
    /// Reads one untagged byte (a field whose type the ASN.1 fixes, e.g. a CHOICE tag); <paramref name="field"/> names
    /// it in the error if the data are truncated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadRawByte(string field = "byte")
    {
        if ((uint)_position >= (uint)_buffer.Length)
        {
            ThrowTruncated(1, field);
        }
        return _buffer[_position++];
    }

    /// <summary>
    /// Returns the next untagged byte without consuming it; <paramref name="field"/> names it in the error if the data
    /// are truncated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly byte PeekRawByte(string field = "byte")
    {
        if ((uint)_position >= (uint)_buffer.Length)
        {
            ThrowTruncated(1, field);
        }
        return _buffer[_position];
    }

    /// <summary>
    /// Reads an untagged big-endian Unsigned16; <paramref name="field"/> names it in the error if the data are
    /// truncated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort ReadRawUInt16(string field = "unsigned16")
    {
        var span = Take(2, field);
        return BinaryPrimitives.ReadUInt16BigEndian(span);
    }

    /// <summary>
    /// Reads an untagged big-endian Unsigned32; <paramref name="field"/> names it in the error if the data are
    /// truncated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadRawUInt32(string field = "unsigned32")
    {
        var span = Take(4, field);
        return BinaryPrimitives.ReadUInt32BigEndian(span);
    }

    /// <summary>
    /// Reads an untagged big-endian Unsigned64; <paramref name="field"/> names it in the error if the data are
    /// truncated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadRawUInt64(string field = "unsigned64")
    {
        var span = Take(8, field);
        return BinaryPrimitives.ReadUInt64BigEndian(span);
    }

    /// <summary>Takes the next <paramref name="count"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ReadRawBytes(int count, string field = "bytes") => Take(count, field);

    /// <summary>Takes every remaining byte.</summary>
    public ReadOnlySpan<byte> ReadRemaining()
    {
        var rest = _buffer[_position..];
        _position = _buffer.Length;
        return rest;
    }

    /// <summary>
    /// An A-XDR length (X.690-style): one byte below 0x80, else 0x80|n followed by n big-endian bytes.
    /// Lengths that cannot fit in an <see cref="int"/> are refused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadLength(string field = "length")
    {
        byte first = ReadRawByte(field);
        return first < 0x80 ? first : ReadLongFormLength(first, field);
    }

    private int ReadLongFormLength(byte first, string field)
    {
        int count = first & 0x7F;
        int start = AbsolutePosition - 1;
        if (count == 0)
        {
            throw new CosemEncodingException("Indefinite length (0x80) is not allowed in A-XDR.", start, field);
        }
        if (count > 4)
        {
            throw new CosemEncodingException($"Length of {count} bytes is too large.", start, field);
        }
        var bytes = Take(count, field);
        uint value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }
        if (value > int.MaxValue)
        {
            throw new CosemEncodingException($"Length {value} is too large.", start, field);
        }
        return (int)value;
    }

    /// <summary>A length that must also fit in what is left of the buffer (each element at least one byte).</summary>
    public int ReadBoundedLength(string field = "length", int minimumElementSize = 1)
    {
        int start = AbsolutePosition;
        int length = ReadLength(field);
        if (minimumElementSize > 0 && (long)length * minimumElementSize > Remaining)
        {
            throw new CosemEncodingException(
                $"Length {length} overruns the {Remaining} byte(s) left.", start, field);
        }
        return length;
    }

    /// <summary>An OPTIONAL presence flag: 0x00 absent, anything else present (A-XDR, IEC 61334-6 §6).</summary>
    public bool ReadOptionalFlag(string field = "optional")
    {
        return ReadRawByte(field) != 0;
    }
}
