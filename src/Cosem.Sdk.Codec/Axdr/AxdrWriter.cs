using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// Forward-only A-XDR writer, the mirror of <see cref="AxdrReader"/>. Writes into a fixed span, or in chunks into
/// an <see cref="IBufferWriter{T}"/> (a <c>PipeWriter</c>, an <c>ArrayBufferWriter</c>): then call
/// <see cref="Flush"/> (or dispose) when done so the last chunk is committed. Allocates nothing itself.
/// </summary>
public ref partial struct AxdrWriter
{
    private readonly IBufferWriter<byte>? _output;
    private Span<byte> _span;
    private int _position;
    private int _committed;

    /// <summary>Writes into <paramref name="destination"/>; running out of room throws.</summary>
    public AxdrWriter(Span<byte> destination)
    {
        _output = null;
        _span = destination;
        _position = 0;
        _committed = 0;
    }

    /// <summary>Writes into <paramref name="output"/>, asking it for room as needed. Call <see cref="Flush"/> at the end.</summary>
    public AxdrWriter(IBufferWriter<byte> output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _span = default;
        _position = 0;
        _committed = 0;
    }

    /// <summary>Total bytes written, committed or not.</summary>
    public readonly int BytesWritten => _committed + _position;

    /// <summary>In fixed-span mode, the bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _output is null
        ? _span[.._position]
        : throw new InvalidOperationException("WrittenSpan is only available when writing into a fixed span.");

    /// <summary>Commits the bytes written so far to the buffer writer. No-op in fixed-span mode.</summary>
    public void Flush()
    {
        if (_output is not null && _position > 0)
        {
            _output.Advance(_position);
            _committed += _position;
            _span = default;
            _position = 0;
        }
    }

    /// <summary>Flushes what was written to the underlying buffer writer; same as <see cref="Flush"/>.</summary>
    public void Dispose() => Flush();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if ((uint)count > (uint)(_span.Length - _position))
        {
            Grow(count);
        }
        var slice = _span.Slice(_position, count);
        _position += count;
        return slice;
    }

    private void Grow(int count)
    {
        if (_output is null)
        {
            ThrowFull(count);
        }
        Flush();
        _span = _output.GetSpan(Math.Max(count, 256));
        if (_span.Length < count)
        {
            throw new InvalidOperationException("The buffer writer returned less memory than requested.");
        }
    }

    [DoesNotReturn]
    private readonly void ThrowFull(int count) =>
        throw new CosemEncodingException($"Destination too small: {count} more byte(s) needed, {_span.Length - _position} left.", BytesWritten, "destination");

    // ---- Raw (untagged) fields -------------------------------------------------------------------------------

    /// <summary>Writes one byte with no type tag (a field whose type the ASN.1 fixes, e.g. a CHOICE tag).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRawByte(byte value) => Reserve(1)[0] = value;

    /// <summary>Writes an untagged big-endian Unsigned16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRawUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    /// <summary>Writes an untagged big-endian Unsigned32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRawUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    /// <summary>Writes an untagged big-endian Unsigned64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRawUInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Reserve(8), value);

    /// <summary>Writes the bytes as they are, with no tag or length.</summary>
    public void WriteRawBytes(scoped ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>An A-XDR length: short form below 128, else 0x80|n and n big-endian bytes (the fewest that fit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLength(int length)
    {
        if ((uint)length < 0x80)
        {
            Reserve(1)[0] = (byte)length;
        }
        else
        {
            WriteLongFormLength(length);
        }
    }

    private void WriteLongFormLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int count = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFFFFFF ? 3 : 4;
        var span = Reserve(count + 1);
        span[0] = (byte)(0x80 | count);
        for (int i = count; i >= 1; i--)
        {
            span[i] = (byte)length;
            length >>= 8;
        }
    }

    /// <summary>Size of the A-XDR length prefix for <paramref name="length"/>.</summary>
    public static int GetLengthSize(int length) =>
        length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : length <= 0xFFFFFF ? 4 : 5;

    /// <summary>An OPTIONAL presence flag: 0x01 present, 0x00 absent.</summary>
    public void WriteOptionalFlag(bool present) => WriteRawByte(present ? (byte)1 : (byte)0);

    // ---- Tagged Data values --------------------------------------------------------------------------------

    /// <summary>Writes a Data type tag byte alone (e.g. before contents written by hand).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDataType(DataType type) => Reserve(1)[0] = (byte)type;

    /// <summary>Writes null-data: the tag 0 with no contents.</summary>
    public void WriteNull() => WriteDataType(DataType.NullData);

    /// <summary>
    /// Writes dont-care: the tag 255 with no contents, a placeholder that matches any value.
    /// </summary>
    public void WriteDontCare() => WriteDataType(DataType.DontCare);

    /// <summary>Writes a boolean value: tag 3 then 0x01 for true or 0x00 for false.</summary>
    public void WriteBoolean(bool value)
    {
        var span = Reserve(2);
        span[0] = (byte)DataType.Boolean;
        span[1] = value ? (byte)1 : (byte)0;
    }

    /// <summary>integer (tag 15).</summary>
    public void WriteInt8(sbyte value) => WriteTagged8(DataType.Integer, (byte)value);

    /// <summary>unsigned (tag 17).</summary>
    public void WriteUInt8(byte value) => WriteTagged8(DataType.Unsigned, value);

    /// <summary>enum (tag 22).</summary>
    public void WriteEnum(byte value) => WriteTagged8(DataType.Enum, value);

    /// <summary>bcd (tag 13): one byte.</summary>
    public void WriteBcd(byte value) => WriteTagged8(DataType.Bcd, value);

    /// <summary>long (tag 16).</summary>
    public void WriteInt16(short value) => WriteTagged16(DataType.Long, (ushort)value);

    /// <summary>long-unsigned (tag 18).</summary>
    public void WriteUInt16(ushort value) => WriteTagged16(DataType.LongUnsigned, value);

    /// <summary>double-long (tag 5).</summary>
    public void WriteInt32(int value) => WriteTagged32(DataType.DoubleLong, (uint)value);

    /// <summary>double-long-unsigned (tag 6).</summary>
    public void WriteUInt32(uint value) => WriteTagged32(DataType.DoubleLongUnsigned, value);

    /// <summary>long64 (tag 20).</summary>
    public void WriteInt64(long value) => WriteTagged64(DataType.Long64, (ulong)value);

    /// <summary>long64-unsigned (tag 21).</summary>
    public void WriteUInt64(ulong value) => WriteTagged64(DataType.Long64Unsigned, value);

    /// <summary>Writes a float32 value: tag 23 then 4 bytes IEEE 754 single precision, big-endian.</summary>
    public void WriteFloat32(float value) => WriteTagged32(DataType.Float32, BitConverter.SingleToUInt32Bits(value));

    /// <summary>Writes a float64 value: tag 24 then 8 bytes IEEE 754 double precision, big-endian.</summary>
    public void WriteFloat64(double value) => WriteTagged64(DataType.Float64, BitConverter.DoubleToUInt64Bits(value));

    /// <summary>Writes an integer as the given integer-valued <paramref name="type"/>, checking its range.</summary>
    public void WriteInteger(DataType type, long value)
    {
        switch (type)
        {
            case DataType.Integer or DataType.DeltaInteger when value is >= sbyte.MinValue and <= sbyte.MaxValue:
                WriteTagged8(type, (byte)(sbyte)value); return;
            case DataType.Unsigned or DataType.Enum or DataType.DeltaUnsigned when value is >= 0 and <= byte.MaxValue:
                WriteTagged8(type, (byte)value); return;
            case DataType.Boolean when value is 0 or 1:
                WriteTagged8(type, (byte)value); return;
            case DataType.Long or DataType.DeltaLong when value is >= short.MinValue and <= short.MaxValue:
                WriteTagged16(type, (ushort)(short)value); return;
            case DataType.LongUnsigned or DataType.DeltaLongUnsigned when value is >= 0 and <= ushort.MaxValue:
                WriteTagged16(type, (ushort)value); return;
            case DataType.DoubleLong or DataType.DeltaDoubleLong when value is >= int.MinValue and <= int.MaxValue:
                WriteTagged32(type, (uint)(int)value); return;
            case DataType.DoubleLongUnsigned or DataType.DeltaDoubleLongUnsigned when value is >= 0 and <= uint.MaxValue:
                WriteTagged32(type, (uint)value); return;
            case DataType.Long64:
                WriteTagged64(type, (ulong)value); return;
            case DataType.Long64Unsigned when value >= 0:
                WriteTagged64(type, (ulong)value); return;
            default:
                throw new CosemEncodingException($"{value} cannot be encoded as {DataTypeInfo.Name(type)}.", BytesWritten, DataTypeInfo.Name(type));
        }
    }

    /// <summary>Writes an octet-string value: tag 9, A-XDR length, then the bytes.</summary>
    public void WriteOctetString(scoped ReadOnlySpan<byte> value) => WriteTaggedBytes(DataType.OctetString, value);

    /// <summary>visible-string from ASCII bytes.</summary>
    public void WriteVisibleString(scoped ReadOnlySpan<byte> ascii) => WriteTaggedBytes(DataType.VisibleString, ascii);

    /// <summary>visible-string from text; characters outside Latin-1 are refused.</summary>
    public void WriteVisibleString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteDataType(DataType.VisibleString);
        WriteLength(value.Length);
        var span = Reserve(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c > 0xFF)
            {
                throw new CosemEncodingException($"Character U+{(int)c:X4} cannot be sent in a visible-string.", BytesWritten, "visible-string");
            }
            span[i] = (byte)c;
        }
    }

    /// <summary>
    /// Writes a utf8-string value from bytes already UTF-8 encoded: tag 12, A-XDR length (in bytes), then the bytes.
    /// </summary>
    public void WriteUtf8String(scoped ReadOnlySpan<byte> utf8) => WriteTaggedBytes(DataType.Utf8String, utf8);

    /// <summary>Writes a utf8-string value: tag 12, A-XDR length of the UTF-8 bytes, then the UTF-8 bytes.</summary>
    public void WriteUtf8String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteDataType(DataType.Utf8String);
        WriteLength(count);
        System.Text.Encoding.UTF8.GetBytes(value, Reserve(count));
    }

    /// <summary>bit-string: <paramref name="bitCount"/> bits, packed MSB first in <paramref name="bits"/>.</summary>
    public void WriteBitString(scoped ReadOnlySpan<byte> bits, int bitCount)
    {
        int byteCount = (int)(((uint)bitCount + 7) / 8);
        if (bits.Length < byteCount)
        {
            throw new ArgumentException($"{bitCount} bits need {byteCount} bytes; got {bits.Length}.", nameof(bits));
        }
        WriteDataType(DataType.BitString);
        WriteLength(bitCount);
        WriteRawBytes(bits[..byteCount]);
    }

    /// <summary>Writes an array header: tag 1 and the element count as an A-XDR length; the elements follow.</summary>
    public void WriteArrayHeader(int count)
    {
        WriteDataType(DataType.Array);
        WriteLength(count);
    }

    /// <summary>Writes a structure header: tag 2 and the field count as an A-XDR length; the fields follow.</summary>
    public void WriteStructureHeader(int count)
    {
        WriteDataType(DataType.Structure);
        WriteLength(count);
    }

    /// <summary>A logical name as octet-string(6).</summary>
    public void WriteObisCode(ObisCode value)
    {
        var span = Reserve(2 + ObisCode.Length);
        span[0] = (byte)DataType.OctetString;
        span[1] = ObisCode.Length;
        value.CopyTo(span[2..]);
    }

    /// <summary>A logical name untagged (6 raw bytes), as in COSEM attribute descriptors.</summary>
    public void WriteRawObisCode(ObisCode value) => value.CopyTo(Reserve(ObisCode.Length));

    /// <summary>Copies an already encoded Data value (or several) verbatim.</summary>
    public void WriteEncoded(scoped ReadOnlySpan<byte> encoded) => WriteRawBytes(encoded);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteTagged8(DataType type, byte value)
    {
        var span = Reserve(2);
        span[0] = (byte)type;
        span[1] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteTagged16(DataType type, ushort value)
    {
        var span = Reserve(3);
        span[0] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteTagged32(DataType type, uint value)
    {
        var span = Reserve(5);
        span[0] = (byte)type;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteTagged64(DataType type, ulong value)
    {
        var span = Reserve(9);
        span[0] = (byte)type;
        BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
    }

    private void WriteTaggedBytes(DataType type, scoped ReadOnlySpan<byte> value)
    {
        WriteDataType(type);
        WriteLength(value.Length);
        WriteRawBytes(value);
    }
}
