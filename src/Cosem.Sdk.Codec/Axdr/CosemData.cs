using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Axdr;

/// <summary>
/// Any COSEM <c>Data</c> value (IEC 62056-6-2 §4.1.5), untyped: what the translator shows and what untyped reads
/// return. Numbers live inline (no boxing); strings, octet-strings and bit-strings keep their bytes; arrays and
/// structures hold their items; a compact-array keeps its description and contents. Decoding and re-encoding is
/// byte-identical (non-canonical booleans, padding bits and reserved date-time values included); the one thing not
/// kept is a length sent in a longer form than needed outside a compact-array, which is re-encoded in the
/// shortest form. Equality compares content (floats by bits, so NaN equals itself).
/// </summary>
/// <remarks>The default value is null-data. A decoded array or structure of many items (a profile buffer) is checked
/// whole when decoded, so bad input fails there, but keeps one copy of its encoded bytes and decodes its items on
/// first access (thread-safe); a value taken out of it keeps those bytes alive.</remarks>
public readonly partial struct CosemData : IEquatable<CosemData>
{
    // Integers: the raw value (signed ones sign-extended); floats: their IEEE bits; boolean, enum, bcd: the raw
    // byte (a boolean sent as 0x05 re-encodes as 0x05); bit-string: the bit count.
    private readonly ulong _bits;

    // byte[]: strings, octet-strings, bit-strings and the tagged date-time [25]/date [26]/time [27] bytes;
    // CosemData[]: array and structure items; EncodedItems: a large array or structure whose items are decoded on
    // first access (CosemData.Encoded.cs); CompactArrayValue: a compact-array.
    private readonly object? _reference;

    private readonly DataType _type;

    private CosemData(DataType type, ulong bits, object? reference)
    {
        _type = type;
        _bits = bits;
        _reference = reference;
    }

    /// <summary>The Data CHOICE tag of this value.</summary>
    public DataType Type => _type;

    /// <summary>True for null-data (tag 0), which is also the default value of the struct.</summary>
    public bool IsNull => _type == DataType.NullData;

    // ---- Factories ------------------------------------------------------------------------------------------

    /// <summary>null-data (tag 0): the absent value; same as <c>default</c>.</summary>
    public static CosemData Null => default;

    /// <summary>dont-care (tag 255): a placeholder that matches any value; it has no contents.</summary>
    public static CosemData DontCare => new(DataType.DontCare, 0, null);

    /// <summary>A boolean (tag 3).</summary>
    public static CosemData Boolean(bool value) => new(DataType.Boolean, value ? 1UL : 0UL, null);

    /// <summary>integer (tag 15).</summary>
    public static CosemData FromInt8(sbyte value) => new(DataType.Integer, (ulong)(long)value, null);

    /// <summary>long (tag 16).</summary>
    public static CosemData FromInt16(short value) => new(DataType.Long, (ulong)(long)value, null);

    /// <summary>double-long (tag 5).</summary>
    public static CosemData FromInt32(int value) => new(DataType.DoubleLong, (ulong)(long)value, null);

    /// <summary>long64 (tag 20).</summary>
    public static CosemData FromInt64(long value) => new(DataType.Long64, (ulong)value, null);

    /// <summary>unsigned (tag 17).</summary>
    public static CosemData FromUInt8(byte value) => new(DataType.Unsigned, value, null);

    /// <summary>long-unsigned (tag 18).</summary>
    public static CosemData FromUInt16(ushort value) => new(DataType.LongUnsigned, value, null);

    /// <summary>double-long-unsigned (tag 6).</summary>
    public static CosemData FromUInt32(uint value) => new(DataType.DoubleLongUnsigned, value, null);

    /// <summary>long64-unsigned (tag 21).</summary>
    public static CosemData FromUInt64(ulong value) => new(DataType.Long64Unsigned, value, null);

    /// <summary>enum (tag 22).</summary>
    public static CosemData Enum(byte value) => new(DataType.Enum, value, null);

    /// <summary>bcd (tag 13): one byte of two BCD digits.</summary>
    public static CosemData Bcd(byte value) => new(DataType.Bcd, value, null);

    /// <summary>A float32 (tag 23, IEEE 754 single precision).</summary>
    public static CosemData FromFloat32(float value) => new(DataType.Float32, BitConverter.SingleToUInt32Bits(value), null);

    /// <summary>A float64 (tag 24, IEEE 754 double precision).</summary>
    public static CosemData FromFloat64(double value) => new(DataType.Float64, BitConverter.DoubleToUInt64Bits(value), null);

    /// <summary>
    /// <paramref name="value"/> as the integer-valued <paramref name="type"/> (integer … long64-unsigned, enum,
    /// boolean, bcd, or a delta type), checking that it fits.
    /// </summary>
    public static CosemData FromInteger(DataType type, long value)
    {
        bool fits = type switch
        {
            DataType.Integer or DataType.DeltaInteger => value is >= sbyte.MinValue and <= sbyte.MaxValue,
            DataType.Unsigned or DataType.Enum or DataType.Bcd or DataType.DeltaUnsigned => value is >= 0 and <= byte.MaxValue,
            DataType.Boolean => value is 0 or 1,
            DataType.Long or DataType.DeltaLong => value is >= short.MinValue and <= short.MaxValue,
            DataType.LongUnsigned or DataType.DeltaLongUnsigned => value is >= 0 and <= ushort.MaxValue,
            DataType.DoubleLong or DataType.DeltaDoubleLong => value is >= int.MinValue and <= int.MaxValue,
            DataType.DoubleLongUnsigned or DataType.DeltaDoubleLongUnsigned => value is >= 0 and <= uint.MaxValue,
            DataType.Long64 => true,
            DataType.Long64Unsigned => value >= 0,
            _ => throw new ArgumentException($"{DataTypeInfo.Name(type)} is not an integer type.", nameof(type)),
        };
        if (!fits)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Does not fit {DataTypeInfo.Name(type)}.");
        }
        return new CosemData(type, IsSigned(type) ? (ulong)value : (ulong)value & Mask(type), null);
    }

    /// <summary>octet-string (tag 9); the bytes are copied.</summary>
    public static CosemData OctetString(ReadOnlySpan<byte> value) => new(DataType.OctetString, 0, value.ToArray());

    /// <summary>visible-string (tag 10) from text; characters outside Latin-1 are refused.</summary>
    public static CosemData VisibleString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new byte[value.Length];
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] > 0xFF)
            {
                throw new ArgumentException($"Character U+{(int)value[i]:X4} cannot be sent in a visible-string.", nameof(value));
            }
            bytes[i] = (byte)value[i];
        }
        return new CosemData(DataType.VisibleString, 0, bytes);
    }

    /// <summary>visible-string (tag 10) from its bytes, copied.</summary>
    public static CosemData VisibleString(ReadOnlySpan<byte> value) => new(DataType.VisibleString, 0, value.ToArray());

    /// <summary>utf8-string (tag 12).</summary>
    public static CosemData Utf8String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new CosemData(DataType.Utf8String, 0, System.Text.Encoding.UTF8.GetBytes(value));
    }

    /// <summary>bit-string (tag 4).</summary>
    public static CosemData BitString(BitString value) =>
        new(DataType.BitString, (ulong)value.Length, value.Bytes.ToArray());

    /// <summary>structure (tag 2); the items are copied.</summary>
    public static CosemData Structure(params ReadOnlySpan<CosemData> items) => new(DataType.Structure, 0, items.ToArray());

    /// <summary>array (tag 1); the items are copied. The Blue Book expects items of one type; that is not enforced.</summary>
    public static CosemData Array(params ReadOnlySpan<CosemData> items) => new(DataType.Array, 0, items.ToArray());

    /// <summary>A date-time as octet-string(12), the form COSEM attributes use.</summary>
    public static CosemData DateTime(CosemDateTime value)
    {
        var bytes = new byte[CosemDateTime.Length];
        value.Write(bytes);
        return new CosemData(DataType.OctetString, 0, bytes);
    }

    /// <summary>A date as octet-string(5).</summary>
    public static CosemData Date(CosemDate value)
    {
        var bytes = new byte[CosemDate.Length];
        value.CopyTo(bytes);
        return new CosemData(DataType.OctetString, 0, bytes);
    }

    /// <summary>A time as octet-string(4).</summary>
    public static CosemData Time(CosemTime value)
    {
        var bytes = new byte[CosemTime.Length];
        value.CopyTo(bytes);
        return new CosemData(DataType.OctetString, 0, bytes);
    }

    /// <summary>A date-time with the date-time tag [25].</summary>
    public static CosemData DateTimeTagged(CosemDateTime value)
    {
        var bytes = new byte[CosemDateTime.Length];
        value.Write(bytes);
        return new CosemData(DataType.DateTime, 0, bytes);
    }

    /// <summary>A date with the date tag [26].</summary>
    public static CosemData DateTagged(CosemDate value)
    {
        var bytes = new byte[CosemDate.Length];
        value.CopyTo(bytes);
        return new CosemData(DataType.Date, 0, bytes);
    }

    /// <summary>A time with the time tag [27].</summary>
    public static CosemData TimeTagged(CosemTime value)
    {
        var bytes = new byte[CosemTime.Length];
        value.CopyTo(bytes);
        return new CosemData(DataType.Time, 0, bytes);
    }

    /// <summary>A logical name as octet-string(6).</summary>
    public static CosemData LogicalName(ObisCode value)
    {
        var bytes = new byte[ObisCode.Length];
        value.CopyTo(bytes);
        return new CosemData(DataType.OctetString, 0, bytes);
    }

    // ---- Accessors ------------------------------------------------------------------------------------------

    /// <summary>A boolean (any non-zero byte is true).</summary>
    public bool AsBoolean() => _type == DataType.Boolean ? _bits != 0 : throw Mismatch("boolean");

    /// <summary>Any integer-valued type (integers, enum, boolean, bcd byte, delta types) as a signed 64-bit value.</summary>
    public long AsInt64()
    {
        if (!IsInteger(_type))
        {
            throw Mismatch("an integer");
        }
        if (_type == DataType.Long64Unsigned && _bits > long.MaxValue)
        {
            throw new CosemEncodingException($"long64-unsigned {_bits} does not fit a signed 64-bit value.", -1, "long64-unsigned");
        }
        return (long)_bits;
    }

    /// <summary>Any integer-valued type with a non-negative value, as an unsigned 64-bit value.</summary>
    public ulong AsUInt64()
    {
        if (!IsInteger(_type))
        {
            throw Mismatch("an integer");
        }
        if (IsSigned(_type) && (long)_bits < 0)
        {
            throw new CosemEncodingException($"{DataTypeInfo.Name(_type)} {(long)_bits} is negative.", -1, DataTypeInfo.Name(_type));
        }
        return _bits;
    }

    /// <summary>Any numeric type (integers and floats) as a double.</summary>
    public double AsDouble() => _type switch
    {
        DataType.Float32 => BitConverter.UInt32BitsToSingle((uint)_bits),
        DataType.Float64 => BitConverter.UInt64BitsToDouble(_bits),
        DataType.Long64Unsigned => _bits,
        _ when IsInteger(_type) => (long)_bits,
        _ => throw Mismatch("a number"),
    };

    /// <summary>The bytes of an octet-string, visible-string, utf8-string or bit-string, or of a tagged date/time.</summary>
    public ReadOnlyMemory<byte> AsBytes() => _reference is byte[] bytes ? bytes : throw Mismatch("a string of bytes");

    /// <summary>A visible-string (read as Latin-1) or utf8-string as text.</summary>
    public string AsString() => _type switch
    {
        DataType.VisibleString => System.Text.Encoding.Latin1.GetString((byte[])_reference!),
        DataType.Utf8String => System.Text.Encoding.UTF8.GetString((byte[])_reference!),
        _ => throw Mismatch("a visible-string or utf8-string"),
    };

    /// <summary>A date-time: octet-string of 12 bytes or date-time [25].</summary>
    public CosemDateTime AsDateTime() => _type is DataType.OctetString or DataType.DateTime && _reference is byte[] { Length: CosemDateTime.Length } bytes
        ? new CosemDateTime(bytes)
        : throw Mismatch("a date-time (octet-string of 12 bytes)");

    /// <summary>A date: octet-string of 5 bytes or date [26].</summary>
    public CosemDate AsDate() => _type is DataType.OctetString or DataType.Date && _reference is byte[] { Length: CosemDate.Length } bytes
        ? new CosemDate(bytes)
        : throw Mismatch("a date (octet-string of 5 bytes)");

    /// <summary>A time: octet-string of 4 bytes or time [27].</summary>
    public CosemTime AsTime() => _type is DataType.OctetString or DataType.Time && _reference is byte[] { Length: CosemTime.Length } bytes
        ? new CosemTime(bytes)
        : throw Mismatch("a time (octet-string of 4 bytes)");

    /// <summary>A logical name: octet-string of 6 bytes.</summary>
    public ObisCode AsObisCode() => _type == DataType.OctetString && _reference is byte[] { Length: ObisCode.Length } bytes
        ? new ObisCode(bytes)
        : throw Mismatch("a logical name (octet-string of 6 bytes)");

    /// <summary>The value of a bit-string (tag 4); throws when the value is another type.</summary>
    public BitString AsBitString() => _type == DataType.BitString
        ? Axdr.BitString.Wrap((byte[])_reference!, (int)_bits)
        : throw Mismatch("bit-string");

    /// <summary>The items of an array or structure, or the decoded elements of a compact-array.</summary>
    public ImmutableArray<CosemData> Items => _reference switch
    {
        CosemData[] items => ImmutableCollectionsMarshal.AsImmutableArray(items),
        EncodedItems encoded => ImmutableCollectionsMarshal.AsImmutableArray(encoded.Items),
        CompactArrayValue compact => ImmutableCollectionsMarshal.AsImmutableArray(compact.Elements),
        _ => throw Mismatch("an array, structure or compact-array"),
    };

    /// <summary>Number of items of an array, structure or compact-array.</summary>
    public int Count => _reference is EncodedItems encoded ? encoded.Count : Items.Length;

    /// <summary>
    /// Item <paramref name="index"/> of an array, structure or compact-array (see <see cref="Items"/>).
    /// </summary>
    public CosemData this[int index] => Items[index];

    private CosemEncodingException Mismatch(string expected) =>
        new($"Expected {expected} but the value is {DataTypeInfo.Name(_type)}.", -1, DataTypeInfo.Name(_type));

    // ---- Integer helpers ------------------------------------------------------------------------------------

    private static bool IsInteger(DataType type) => type is DataType.Integer or DataType.Long or DataType.DoubleLong
        or DataType.Long64 or DataType.Unsigned or DataType.LongUnsigned or DataType.DoubleLongUnsigned
        or DataType.Long64Unsigned or DataType.Enum or DataType.Boolean or DataType.Bcd
        or >= DataType.DeltaInteger and <= DataType.DeltaDoubleLongUnsigned;

    private static bool IsSigned(DataType type) => type is DataType.Integer or DataType.Long or DataType.DoubleLong
        or DataType.Long64 or DataType.DeltaInteger or DataType.DeltaLong or DataType.DeltaDoubleLong;

    private static ulong Mask(DataType type) => DataTypeInfo.FixedSize(type) switch
    {
        1 => 0xFF,
        2 => 0xFFFF,
        4 => 0xFFFF_FFFF,
        _ => ulong.MaxValue,
    };

    // Sign-extends a raw big-endian field of a signed type.
    private static ulong Widen(DataType type, ulong raw) => DataTypeInfo.FixedSize(type) switch
    {
        1 when IsSigned(type) => (ulong)(long)(sbyte)raw,
        2 when IsSigned(type) => (ulong)(long)(short)raw,
        4 when IsSigned(type) => (ulong)(long)(int)raw,
        _ => raw,
    };

    private static ulong ReadBigEndian(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        1 => bytes[0],
        2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        8 => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        _ => 0,
    };
}
