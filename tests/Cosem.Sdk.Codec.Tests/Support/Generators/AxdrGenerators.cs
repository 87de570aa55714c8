using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Support.Generators;

/// <summary>Generators of valid A-XDR values: primitives, OBIS codes, bit-strings, date/time (wildcards, deviation) and CosemData trees.</summary>
internal static class AxdrGenerators
{
    /// <summary>Bytes of a bounded length; shrinks towards short, zero-filled arrays.</summary>
    public static Gen<byte[]> Bytes(int max) => Gen.Byte.Array[0, max];

    public static readonly Gen<ObisCode> Obis =
        Gen.Byte.Array[ObisCode.Length].Select(bytes => new ObisCode(bytes));

    public static readonly Gen<BitString> BitString =
        from length in Gen.Int[0, 80]
        from bytes in Gen.Byte.Array[Cosem.Sdk.Axdr.BitString.ByteCount(length)]
        select new BitString(bytes, length);

    // Each field is either a defined value or one of the special values (wildcard 0xFF, DST begin/end, last day...).
    public static readonly Gen<CosemDate> Date =
        Gen.Select(
            Gen.OneOf(Gen.UShort[1900, 2200], Gen.Const((ushort)0xFFFF), Gen.UShort),
            Gen.OneOf(Gen.Byte[1, 12], Gen.OneOf<byte>(0xFD, 0xFE, 0xFF), Gen.Byte),
            Gen.OneOf(Gen.Byte[1, 31], Gen.OneOf<byte>(0xFD, 0xFE, 0xFF), Gen.Byte),
            Gen.OneOf(Gen.Byte[1, 7], Gen.Const<byte>(0xFF)),
            (year, month, day, dayOfWeek) => new CosemDate(year, month, day, dayOfWeek));

    public static readonly Gen<CosemTime> Time =
        Gen.Select(
            Gen.OneOf(Gen.Byte[0, 23], Gen.Const<byte>(0xFF)),
            Gen.OneOf(Gen.Byte[0, 59], Gen.Const<byte>(0xFF)),
            Gen.OneOf(Gen.Byte[0, 59], Gen.Const<byte>(0xFF)),
            Gen.OneOf(Gen.Byte[0, 99], Gen.Const<byte>(0xFF), Gen.Byte),
            (hour, minute, second, hundredths) => new CosemTime(hour, minute, second, hundredths));

    public static readonly Gen<CosemDateTime> DateTime =
        Gen.Select(
            Date,
            Time,
            Gen.OneOf(Gen.Short[-14 * 60, 14 * 60], Gen.Const(CosemDateTime.DeviationNotSpecified), Gen.Short),
            Gen.OneOf(Gen.Byte, Gen.Const(CosemDateTime.ClockStatusNotSpecified)),
            (date, time, deviation, status) => new CosemDateTime(date, time, deviation, status));

    /// <summary>Any twelve bytes, reserved values included: a date-time keeps them as given.</summary>
    public static readonly Gen<byte[]> AnyDateTimeBytes = Gen.Byte.Array[CosemDateTime.Length];

    /// <summary>The simple (non-container) data types.</summary>
    public static readonly DataType[] SimpleTypes =
    [
        DataType.NullData, DataType.Boolean, DataType.BitString, DataType.DoubleLong, DataType.DoubleLongUnsigned,
        DataType.OctetString, DataType.VisibleString, DataType.Utf8String, DataType.Bcd, DataType.Integer,
        DataType.Long, DataType.Unsigned, DataType.LongUnsigned, DataType.Long64, DataType.Long64Unsigned,
        DataType.Enum, DataType.Float32, DataType.Float64, DataType.DateTime, DataType.Date, DataType.Time,
        DataType.DeltaInteger, DataType.DeltaLong, DataType.DeltaDoubleLong, DataType.DeltaUnsigned,
        DataType.DeltaLongUnsigned, DataType.DeltaDoubleLongUnsigned, DataType.DontCare,
    ];

    /// <summary>A value of one simple type.</summary>
    public static Gen<CosemData> Simple(DataType type) => type switch
    {
        DataType.NullData => Gen.Const(CosemData.Null),
        DataType.DontCare => Gen.Const(CosemData.DontCare),
        DataType.Boolean => Gen.Bool.Select(CosemData.Boolean),
        DataType.Long64Unsigned => Gen.ULong.Select(CosemData.FromUInt64),
        DataType.Long64 => Gen.Long.Select(CosemData.FromInt64),
        // Any bit pattern, NaNs and signed zeros included: equality is on the encoded bits.
        DataType.Float32 => Gen.UInt.Select(bits => CosemData.FromFloat32(BitConverter.UInt32BitsToSingle(bits))),
        DataType.Float64 => Gen.ULong.Select(bits => CosemData.FromFloat64(BitConverter.UInt64BitsToDouble(bits))),
        DataType.OctetString => Gen.OneOf(Bytes(16), Bytes(300)).Select(bytes => CosemData.OctetString(bytes)),
        DataType.VisibleString => Gen.Char[' ', '~'].Array[0, 20].Select(chars => CosemData.VisibleString(new string(chars))),
        DataType.Utf8String => Gen.OneOf('a', 'é', '€', 'ü', 'Z').Array[0, 8].Select(chars => CosemData.Utf8String(new string(chars))),
        DataType.BitString => BitString.Select(CosemData.BitString),
        DataType.DateTime => DateTime.Select(CosemData.DateTimeTagged),
        DataType.Date => Date.Select(CosemData.DateTagged),
        DataType.Time => Time.Select(CosemData.TimeTagged),
        DataType.Integer or DataType.DeltaInteger => Gen.SByte.Select(v => CosemData.FromInteger(type, v)),
        DataType.Long or DataType.DeltaLong => Gen.Short.Select(v => CosemData.FromInteger(type, v)),
        DataType.DoubleLong or DataType.DeltaDoubleLong => Gen.Int.Select(v => CosemData.FromInteger(type, v)),
        DataType.LongUnsigned or DataType.DeltaLongUnsigned => Gen.UShort.Select(v => CosemData.FromInteger(type, v)),
        DataType.DoubleLongUnsigned or DataType.DeltaDoubleLongUnsigned => Gen.UInt.Select(v => CosemData.FromInteger(type, v)),
        _ => Gen.Byte.Select(v => CosemData.FromInteger(type, v)), // unsigned, enum, bcd, delta-unsigned
    };

    public static readonly Gen<DataType> SimpleType = Gen.OneOf(SimpleTypes);

    public static readonly Gen<CosemData> SimpleData = SimpleType.SelectMany(Simple);

    /// <summary>A compact-array type description: sized leaves (no null-data / dont-care), nested arrays and structures.</summary>
    public static readonly Gen<TypeDescription> Description = Gen.Recursive<TypeDescription>((depth, self) =>
    {
        var leaf = Gen.OneOf(SimpleTypes.Where(t => t is not (DataType.NullData or DataType.DontCare)).ToArray())
            .Select(TypeDescription.Simple);
        if (depth >= 3)
        {
            return leaf;
        }
        return Gen.Frequency(
            (6, leaf),
            (1, Gen.Select(Gen.Int[1, 3], self, TypeDescription.ArrayOf)),
            (1, self.Array[1, 4].Select(fields => TypeDescription.StructureOf(fields))));
    });

    /// <summary>An element matching <paramref name="description"/>.</summary>
    public static Gen<CosemData> Element(TypeDescription description) => description.Type switch
    {
        DataType.Array => Element(description.ElementType!).Array[description.ElementCount].Select(items => CosemData.Array(items)),
        DataType.Structure => description.Fields
            .Aggregate(Gen.Const(System.Collections.Immutable.ImmutableList<CosemData>.Empty),
                (acc, field) => Gen.Select(acc, Element(field), (list, item) => list.Add(item)))
            .Select(items => CosemData.Structure(items.ToArray())),
        _ => Simple(description.Type),
    };

    public static readonly Gen<CosemData> CompactArray =
        from description in Description
        from elements in Element(description).Array[0, 6]
        select CosemData.CompactArray(description, elements);

    /// <summary>Any data: simple values, arrays and structures nested up to four deep, compact arrays.</summary>
    public static readonly Gen<CosemData> Data = Gen.Recursive<CosemData>((depth, self) =>
    {
        if (depth >= 4)
        {
            return Gen.Frequency((10, SimpleData), (2, CompactArray));
        }
        // Now and then a long list (past the one-byte length form) at the top; nested lists stay short to bound the size.
        var items = depth == 0 ? Gen.Frequency((9, self.Array[0, 5]), (1, self.Array[0, 140])) : self.Array[0, 5];
        return Gen.Frequency(
            (10, SimpleData),
            (2, items.Select(i => CosemData.Array(i))),
            (2, items.Select(i => CosemData.Structure(i))),
            (2, CompactArray));
    });

    /// <summary>One encoded Data, as APDUs carry it.</summary>
    public static readonly Gen<ReadOnlyMemory<byte>> EncodedData =
        Gen.Frequency((4, SimpleData), (1, Data)).Select(d => (ReadOnlyMemory<byte>)d.ToArray());
}
