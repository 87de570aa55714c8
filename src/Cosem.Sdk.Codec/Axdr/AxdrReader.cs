using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// Forward-only reader of A-XDR encoded bytes (IEC 61334-6 as used by IEC 62056-5-3/6-2). Reads tagged COSEM
/// <c>Data</c> values (<c>ReadUInt32</c> checks the double-long-unsigned tag, …) and the untagged fields APDUs
/// are made of (<c>ReadRawByte</c>, <c>ReadLength</c>, …). Allocates nothing; every failure is a
/// <see cref="CosemEncodingException"/> that names the byte offset and the field.
/// </summary>
public ref partial struct AxdrReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _baseOffset;
    private int _position;

    /// <param name="buffer">The encoded bytes.</param>
    /// <param name="baseOffset">Offset of <paramref name="buffer"/> within the unit being decoded, so errors
    /// report positions in the caller's terms (e.g. from the start of a whole APDU).</param>
    public AxdrReader(ReadOnlySpan<byte> buffer, int baseOffset = 0)
    {
        _buffer = buffer;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary><see cref="Position"/> plus the base offset given at construction.</summary>
    public readonly int AbsolutePosition => _baseOffset + _position;

    /// <summary>Number of bytes left to read after the current position.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>True when every byte of the buffer has been read.</summary>
    public readonly bool IsAtEnd => _position >= _buffer.Length;

    /// <summary>The bytes not read yet.</summary>
    public readonly ReadOnlySpan<byte> RemainingBytes => _buffer[_position..];

    /// <summary>The whole buffer the reader was created over.</summary>
    public readonly ReadOnlySpan<byte> Buffer => _buffer;

    /// <summary>Throws unless every byte has been consumed; APDU decoders call it to refuse trailing garbage.</summary>
    public readonly void EnsureAtEnd(string field = "end of data")
    {
        if (_position != _buffer.Length)
        {
            throw new CosemEncodingException($"{_buffer.Length - _position} unexpected trailing byte(s).", AbsolutePosition, field);
        }
    }

    // ---- Tagged Data values --------------------------------------------------------------------------------

    /// <summary>The tag of the next Data value, without consuming it.</summary>
    public readonly DataType PeekDataType() => (DataType)PeekRawByte("data type");

    /// <summary>Consumes the tag of the next Data value and checks that it is a defined type.</summary>
    public DataType ReadDataType()
    {
        int at = AbsolutePosition;
        var type = (DataType)ReadRawByte("data type");
        if (!DataTypeInfo.IsDefined(type))
        {
            throw new CosemEncodingException($"Unknown data type tag {(byte)type}.", at, "data type");
        }
        return type;
    }

    /// <summary>Consumes a tag and throws unless it is <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ExpectDataType(DataType expected)
    {
        if ((uint)_position >= (uint)_buffer.Length)
        {
            ThrowTruncated(1, DataTypeInfo.Name(expected));
        }
        byte tag = _buffer[_position];
        if (tag != (byte)expected)
        {
            ThrowUnexpectedType(expected, tag);
        }
        _position++;
    }

    /// <summary>Reads a null-data value: the tag 0 with no contents; fails on any other tag.</summary>
    public void ReadNull()
    {
        ExpectDataType(DataType.NullData);
    }

    /// <summary>Reads a boolean value (tag 3, one byte); any non-zero byte is true.</summary>
    public bool ReadBoolean()
    {
        ExpectDataType(DataType.Boolean);
        return ReadRawByte("boolean") != 0;
    }

    /// <summary>integer (tag 15): signed 8 bits.</summary>
    public sbyte ReadInt8()
    {
        ExpectDataType(DataType.Integer);
        return (sbyte)ReadRawByte("integer");
    }

    /// <summary>long (tag 16): signed 16 bits.</summary>
    public short ReadInt16()
    {
        ExpectDataType(DataType.Long);
        return (short)ReadRawUInt16("long");
    }

    /// <summary>double-long (tag 5): signed 32 bits.</summary>
    public int ReadInt32()
    {
        ExpectDataType(DataType.DoubleLong);
        return (int)ReadRawUInt32("double-long");
    }

    /// <summary>long64 (tag 20): signed 64 bits.</summary>
    public long ReadInt64()
    {
        ExpectDataType(DataType.Long64);
        return (long)ReadRawUInt64("long64");
    }

    /// <summary>unsigned (tag 17).</summary>
    public byte ReadUInt8()
    {
        ExpectDataType(DataType.Unsigned);
        return ReadRawByte("unsigned");
    }

    /// <summary>long-unsigned (tag 18).</summary>
    public ushort ReadUInt16()
    {
        ExpectDataType(DataType.LongUnsigned);
        return ReadRawUInt16("long-unsigned");
    }

    /// <summary>double-long-unsigned (tag 6).</summary>
    public uint ReadUInt32()
    {
        ExpectDataType(DataType.DoubleLongUnsigned);
        return ReadRawUInt32("double-long-unsigned");
    }

    /// <summary>long64-unsigned (tag 21).</summary>
    public ulong ReadUInt64()
    {
        ExpectDataType(DataType.Long64Unsigned);
        return ReadRawUInt64("long64-unsigned");
    }

    /// <summary>enum (tag 22).</summary>
    public byte ReadEnum()
    {
        ExpectDataType(DataType.Enum);
        return ReadRawByte("enum");
    }

    /// <summary>Reads a float32 value (tag 23): 4 bytes, IEEE 754 single precision, big-endian.</summary>
    public float ReadFloat32()
    {
        ExpectDataType(DataType.Float32);
        return BitConverter.UInt32BitsToSingle(ReadRawUInt32("float32"));
    }

    /// <summary>Reads a float64 value (tag 24): 8 bytes, IEEE 754 double precision, big-endian.</summary>
    public double ReadFloat64()
    {
        ExpectDataType(DataType.Float64);
        return BitConverter.UInt64BitsToDouble(ReadRawUInt64("float64"));
    }

    /// <summary>
    /// Any integer-valued Data (integer … long64-unsigned, enum, boolean and the delta types) widened to
    /// <see cref="long"/>: what a register's CHOICE value needs. long64-unsigned above <see cref="long.MaxValue"/> throws.
    /// </summary>
    public long ReadInteger()
    {
        int at = AbsolutePosition;
        var type = (DataType)ReadRawByte("data type");
        switch (type)
        {
            case DataType.Integer or DataType.DeltaInteger: return (sbyte)ReadRawByte("integer");
            case DataType.Unsigned or DataType.Enum or DataType.Boolean or DataType.DeltaUnsigned: return ReadRawByte("unsigned");
            case DataType.Long or DataType.DeltaLong: return (short)ReadRawUInt16("long");
            case DataType.LongUnsigned or DataType.DeltaLongUnsigned: return ReadRawUInt16("long-unsigned");
            case DataType.DoubleLong or DataType.DeltaDoubleLong: return (int)ReadRawUInt32("double-long");
            case DataType.DoubleLongUnsigned or DataType.DeltaDoubleLongUnsigned: return ReadRawUInt32("double-long-unsigned");
            case DataType.Long64: return (long)ReadRawUInt64("long64");
            case DataType.Long64Unsigned:
                ulong value = ReadRawUInt64("long64-unsigned");
                return value <= long.MaxValue
                    ? (long)value
                    : throw new CosemEncodingException($"long64-unsigned {value} does not fit a signed 64-bit value.", at, "long64-unsigned");
            default:
                throw new CosemEncodingException($"Expected an integer type but found {DataTypeInfo.Name(type)}.", at, "data type");
        }
    }

    /// <summary>octet-string (tag 9): the bytes, sliced from the buffer.</summary>
    public ReadOnlySpan<byte> ReadOctetString()
    {
        ExpectDataType(DataType.OctetString);
        int length = ReadLength("octet-string length");
        return Take(length, "octet-string");
    }

    /// <summary>visible-string (tag 10): ASCII bytes, sliced from the buffer.</summary>
    public ReadOnlySpan<byte> ReadVisibleStringBytes()
    {
        ExpectDataType(DataType.VisibleString);
        int length = ReadLength("visible-string length");
        return Take(length, "visible-string");
    }

    /// <summary>visible-string (tag 10) as a <see cref="string"/> (allocates the string).</summary>
    public string ReadVisibleString() => System.Text.Encoding.Latin1.GetString(ReadVisibleStringBytes());

    /// <summary>utf8-string (tag 12): UTF-8 bytes, sliced from the buffer.</summary>
    public ReadOnlySpan<byte> ReadUtf8StringBytes()
    {
        ExpectDataType(DataType.Utf8String);
        int length = ReadLength("utf8-string length");
        return Take(length, "utf8-string");
    }

    /// <summary>Reads a utf8-string value (tag 12) and decodes its bytes as UTF-8.</summary>
    public string ReadUtf8String() => System.Text.Encoding.UTF8.GetString(ReadUtf8StringBytes());

    /// <summary>bcd (tag 13): one byte holding two BCD digits (IEC 62056-6-2 defines bcd as a single octet).</summary>
    public byte ReadBcd()
    {
        ExpectDataType(DataType.Bcd);
        return ReadRawByte("bcd");
    }

    /// <summary>bit-string (tag 4): the length in bits and the packed bytes (MSB first), sliced from the buffer.</summary>
    public ReadOnlySpan<byte> ReadBitString(out int bitCount)
    {
        ExpectDataType(DataType.BitString);
        bitCount = ReadLength("bit-string length");
        return Take((int)(((uint)bitCount + 7) / 8), "bit-string");
    }

    /// <summary>array (tag 1): the element count. Elements follow.</summary>
    public int ReadArrayHeader()
    {
        ExpectDataType(DataType.Array);
        return ReadBoundedLength("array length");
    }

    /// <summary>structure (tag 2): the element count. Elements follow.</summary>
    public int ReadStructureHeader()
    {
        ExpectDataType(DataType.Structure);
        return ReadBoundedLength("structure length");
    }

    /// <summary>A structure header that must have exactly <paramref name="expectedCount"/> elements.</summary>
    public void ReadStructureHeader(int expectedCount, string field = "structure")
    {
        int at = AbsolutePosition;
        int count = ReadStructureHeader();
        if (count != expectedCount)
        {
            throw new CosemEncodingException($"Expected a structure of {expectedCount} element(s) but found {count}.", at, field);
        }
    }

    /// <summary>A logical name: octet-string of exactly six bytes.</summary>
    public ObisCode ReadObisCode(string field = "logical-name")
    {
        int at = AbsolutePosition;
        var bytes = ReadOctetString();
        if (bytes.Length != ObisCode.Length)
        {
            throw new CosemEncodingException($"A logical name is 6 bytes; found {bytes.Length}.", at, field);
        }
        return new ObisCode(bytes);
    }

    /// <summary>A logical name carried untagged (6 raw bytes), as in COSEM attribute descriptors.</summary>
    public ObisCode ReadRawObisCode(string field = "instance-id") => new(Take(ObisCode.Length, field));

    /// <summary>Skips one complete Data value of any type, including nested arrays, structures and compact arrays.</summary>
    public void SkipData()
    {
        int at = AbsolutePosition;
        var type = ReadDataType();
        SkipDataBody(type, at, depth: 0);
    }

    private void SkipDataBody(DataType type, int at, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new CosemEncodingException($"Data nested deeper than {MaxNesting} levels.", at, "data");
        }
        int fixedSize = DataTypeInfo.FixedSize(type);
        if (fixedSize >= 0)
        {
            Take(fixedSize, DataTypeInfo.Name(type));
            return;
        }
        switch (type)
        {
            case DataType.Array:
            case DataType.Structure:
                int count = ReadBoundedLength(LengthFieldName(type));
                for (int i = 0; i < count; i++)
                {
                    int elementAt = AbsolutePosition;
                    SkipDataBody(ReadDataType(), elementAt, depth + 1);
                }
                return;
            case DataType.OctetString:
            case DataType.VisibleString:
            case DataType.Utf8String:
                Take(ReadLength(LengthFieldName(type)), DataTypeInfo.Name(type));
                return;
            case DataType.Bcd:
                Take(1, "bcd");
                return;
            case DataType.BitString:
                int bits = ReadLength("bit-string length");
                Take((int)(((uint)bits + 7) / 8), "bit-string");
                return;
            case DataType.CompactArray:
                SkipCompactArrayBody(at);
                return;
            default:
                throw new CosemEncodingException($"Cannot skip data type {DataTypeInfo.Name(type)}.", at, "data");
        }
    }

    /// <summary>Deepest nesting of arrays/structures accepted, so hostile input cannot exhaust the stack.</summary>
    public const int MaxNesting = 64;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
        {
            ThrowTruncated(count, field);
        }
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    [DoesNotReturn]
    private readonly void ThrowTruncated(int needed, string field) =>
        throw new CosemEncodingException(
            needed < 0
                ? $"Negative length {needed}."
                : $"Truncated: {needed} byte(s) needed, {_buffer.Length - _position} left.",
            AbsolutePosition, field);

    [DoesNotReturn]
    private readonly void ThrowUnexpectedType(DataType expected, byte found) =>
        throw new CosemEncodingException(
            $"Expected {DataTypeInfo.Name(expected)} but found {DataTypeInfo.Name((DataType)found)} (tag {found}).",
            AbsolutePosition, DataTypeInfo.Name(expected));
}
