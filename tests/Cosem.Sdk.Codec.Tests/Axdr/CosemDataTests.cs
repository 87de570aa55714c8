using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Codec.Tests.Axdr;

public class CosemDataTests
{
    // One encoding of every Data type (IEC 62056-6-2 §4.1.5 tags), built by hand from the A-XDR rules.
    [Theory]
    [InlineData("00", DataType.NullData)]
    [InlineData("01 02 11 01 11 02", DataType.Array)]
    [InlineData("01 00", DataType.Array)]
    [InlineData("02 02 09 06 0100010800FF 06 0001E240", DataType.Structure)]
    [InlineData("03 01", DataType.Boolean)]
    [InlineData("03 05", DataType.Boolean)]                 // non-canonical true must survive
    [InlineData("04 0A A0C0", DataType.BitString)]
    [InlineData("04 00", DataType.BitString)]
    [InlineData("05 FFFEEE90", DataType.DoubleLong)]
    [InlineData("06 0001E240", DataType.DoubleLongUnsigned)]
    [InlineData("09 00", DataType.OctetString)]
    [InlineData("09 0C 07E8060F0614172D00FF8880", DataType.OctetString)]
    [InlineData("0A 03 414243", DataType.VisibleString)]
    [InlineData("0C 03 E282AC", DataType.Utf8String)]
    [InlineData("0D 42", DataType.Bcd)]
    [InlineData("0F FB", DataType.Integer)]
    [InlineData("10 FED4", DataType.Long)]
    [InlineData("11 C8", DataType.Unsigned)]
    [InlineData("12 EA60", DataType.LongUnsigned)]
    [InlineData("13 12 04 0001 0002", DataType.CompactArray)]
    [InlineData("14 8000000000000000", DataType.Long64)]
    [InlineData("15 FFFFFFFFFFFFFFFF", DataType.Long64Unsigned)]
    [InlineData("16 07", DataType.Enum)]
    [InlineData("17 3FC00000", DataType.Float32)]
    [InlineData("17 7FC00001", DataType.Float32)]            // NaN with payload
    [InlineData("18 C002000000000000", DataType.Float64)]
    [InlineData("19 07E8060F0614172D00FF8880", DataType.DateTime)]
    [InlineData("1A 07E8060F06", DataType.Date)]
    [InlineData("1B 14172D00", DataType.Time)]
    [InlineData("1C 80", DataType.DeltaInteger)]
    [InlineData("1D 8000", DataType.DeltaLong)]
    [InlineData("1E 80000000", DataType.DeltaDoubleLong)]
    [InlineData("1F FF", DataType.DeltaUnsigned)]
    [InlineData("20 FFFF", DataType.DeltaLongUnsigned)]
    [InlineData("21 FFFFFFFF", DataType.DeltaDoubleLongUnsigned)]
    [InlineData("FF", DataType.DontCare)]
    public void Every_data_type_round_trips_byte_identically(string hex, DataType expectedType)
    {
        var bytes = HexText.Bytes(hex);
        var value = CosemData.Decode(bytes);
        Assert.Equal(expectedType, value.Type);
        Assert.Equal(bytes, value.ToArray());
        Assert.Equal(value, CosemData.Decode(value.ToArray()));
        Assert.False(string.IsNullOrEmpty(value.ToString()));
    }

    [Fact]
    public void Long_form_lengths_round_trip()
    {
        var octets = new byte[300];
        new Random(7).NextBytes(octets);
        var value = CosemData.OctetString(octets);
        var encoded = value.ToArray();
        Assert.Equal("0982012C", Convert.ToHexString(encoded, 0, 4));
        Assert.Equal(value, CosemData.Decode(encoded));

        var items = Enumerable.Range(0, 200).Select(i => CosemData.FromUInt8((byte)i)).ToArray();
        var array = CosemData.Array(items);
        Assert.Equal("0181C8", Convert.ToHexString(array.ToArray(), 0, 3));
        Assert.Equal(200, CosemData.Decode(array.ToArray()).Count);
    }

    [Fact]
    public void Factories_encode_as_the_writer_does()
    {
        var value = CosemData.Structure(
            CosemData.LogicalName(ObisCode.ActiveEnergyImport),
            CosemData.FromUInt32(123456),
            CosemData.FromInt8(-3),
            CosemData.Enum(30),
            CosemData.Boolean(true),
            CosemData.VisibleString("ab"),
            CosemData.Null);
        Assert.Equal("0207 09060100010800FF 060001E240 0FFD 161E 0301 0A026162 00".Replace(" ", ""), Convert.ToHexString(value.ToArray()));
    }

    [Fact]
    public void Accessors_widen_and_check_types()
    {
        Assert.Equal(-3, CosemData.FromInt8(-3).AsInt64());
        Assert.Equal(60000, CosemData.FromUInt16(60000).AsInt64());
        Assert.Equal(ulong.MaxValue, CosemData.FromUInt64(ulong.MaxValue).AsUInt64());
        Assert.Equal(-2.25, CosemData.FromFloat64(-2.25).AsDouble());
        Assert.Equal(1.5, CosemData.FromFloat32(1.5f).AsDouble());
        Assert.Equal(-100.0, CosemData.FromInt32(-100).AsDouble());
        Assert.Equal(-1, CosemData.FromInteger(DataType.DeltaLong, -1).AsInt64());
        Assert.Equal("ab", CosemData.VisibleString("ab").AsString());
        Assert.Equal("€", CosemData.Utf8String("€").AsString());
        Assert.Equal(ObisCode.ActiveEnergyImport, CosemData.LogicalName(ObisCode.ActiveEnergyImport).AsObisCode());
        Assert.Equal(new byte[] { 1, 2 }, CosemData.OctetString([1, 2]).AsBytes().ToArray());
        Assert.True(CosemData.Decode(HexText.Bytes("03 05")).AsBoolean());

        Assert.Throws<CosemEncodingException>(() => CosemData.FromUInt64(ulong.MaxValue).AsInt64());
        Assert.Throws<CosemEncodingException>(() => CosemData.FromInt8(-1).AsUInt64());
        Assert.Throws<CosemEncodingException>(() => CosemData.VisibleString("x").AsInt64());
        Assert.Throws<CosemEncodingException>(() => CosemData.FromUInt8(1).AsString());
        Assert.Throws<CosemEncodingException>(() => CosemData.FromUInt8(1).Items);
        Assert.Throws<CosemEncodingException>(() => CosemData.OctetString([1, 2, 3]).AsDateTime());
        Assert.Throws<ArgumentOutOfRangeException>(() => CosemData.FromInteger(DataType.Unsigned, 256));
        Assert.Throws<ArgumentException>(() => CosemData.VisibleString("€"));
    }

    [Fact]
    public void Date_time_values_are_octet_strings_unless_tagged()
    {
        var time = CosemDateTime.From(new DateTimeOffset(2024, 6, 15, 20, 23, 45, TimeSpan.FromHours(2)), ClockStatus.DaylightSavingActive);
        var plain = CosemData.DateTime(time);
        Assert.Equal(DataType.OctetString, plain.Type);
        Assert.Equal("090C07E8060F0614172D00FF8880", Convert.ToHexString(plain.ToArray()));
        Assert.Equal(time, plain.AsDateTime());
        Assert.Contains("2024-06-15T20:23:45.00+02:00", plain.ToString());

        var tagged = CosemData.DateTimeTagged(time);
        Assert.Equal("1907E8060F0614172D00FF8880", Convert.ToHexString(tagged.ToArray()));
        Assert.Equal(time, tagged.AsDateTime());
        Assert.Equal(time.Date, CosemData.Date(time.Date).AsDate());
        Assert.Equal(time.Date, CosemData.DateTagged(time.Date).AsDate());
        Assert.Equal(time.Time, CosemData.Time(time.Time).AsTime());
        Assert.Equal(time.Time, CosemData.TimeTagged(time.Time).AsTime());
    }

    [Fact]
    public void Equality_is_by_content()
    {
        var a = CosemData.Structure(CosemData.FromUInt8(1), CosemData.OctetString([1, 2]));
        var b = CosemData.Decode(a.ToArray());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, CosemData.Structure(CosemData.FromUInt8(1), CosemData.OctetString([1, 3])));
        Assert.NotEqual(CosemData.FromUInt8(1), CosemData.Enum(1));
        Assert.Equal(CosemData.FromFloat64(double.NaN), CosemData.FromFloat64(double.NaN));
        Assert.Equal(CosemData.Null, default);
    }

    [Fact]
    public void ToString_is_readable()
    {
        var value = CosemData.Structure(
            CosemData.Array(CosemData.FromUInt16(5), CosemData.FromInt16(-5)),
            CosemData.VisibleString("a\"b\n"),
            CosemData.BitString(BitString.Parse("101")),
            CosemData.FromFloat32(0.5f));
        Assert.Equal(
            "structure { array[2] { long-unsigned 5, long -5 }, visible-string \"a\\x22b\\x0A\", bit-string 101, float32 0.5 }",
            value.ToString());
    }

    [Theory]
    [InlineData("06 0001E2", 1, "double-long-unsigned")]     // truncated value
    [InlineData("02 03 11 01 11 02", 6, "data type")]        // structure shorter than its count
    [InlineData("01 81", 2, "array length")]                 // truncated length
    [InlineData("01 85 0000000001", 1, "array length")]      // length of five bytes
    [InlineData("01 80", 1, "array length")]                 // indefinite length
    [InlineData("09 84 7FFFFFFF", 6, "octet-string")]        // hostile length, nothing behind it
    [InlineData("01 84 7FFFFFFF 11", 1, "array length")]     // hostile array count
    [InlineData("07 00", 0, "data type")]                    // reserved tag 7 (floating-point, withdrawn)
    [InlineData("08", 0, "data type")]                       // reserved tag 8
    [InlineData("22 00", 0, "data type")]                    // tag 34: reserved
    [InlineData("04 84 7FFFFFFF", 6, "bit-string")]          // hostile bit count
    [InlineData("19 07E8", 1, "date-time")]                  // truncated date-time [25]
    [InlineData("", 0, "data type")]
    public void Malformed_input_is_a_typed_error_with_offset(string hex, int offset, string field)
    {
        var bytes = HexText.Bytes(hex);
        var error = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(bytes));
        Assert.Equal(offset, error.Offset);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Trailing_bytes_are_refused_by_the_span_overload()
    {
        var error = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(HexText.Bytes("11 01 00")));
        Assert.Equal(2, error.Offset);
    }

    [Fact]
    public void Nesting_is_bounded_when_decoding_and_encoding()
    {
        var bytes = new byte[2 * (AxdrReader.MaxNesting + 5)];
        for (int i = 0; i < bytes.Length; i += 2)
        {
            bytes[i] = 0x02;
            bytes[i + 1] = 0x01;
        }
        Assert.Throws<CosemEncodingException>(() => CosemData.Decode(bytes));

        var deep = CosemData.Null;
        for (int i = 0; i < AxdrReader.MaxNesting + 5; i++)
        {
            deep = CosemData.Structure(deep);
        }
        Assert.Throws<CosemEncodingException>(() => deep.ToArray());
    }

    [Fact]
    public void Error_offsets_count_from_the_reader_base_offset()
    {
        var bytes = HexText.Bytes("02 02 11 01 06 0001");
        var error = Assert.Throws<CosemEncodingException>(() =>
        {
            var reader = new AxdrReader(bytes, baseOffset: 100);
            CosemData.Decode(ref reader);
        });
        Assert.Equal(105, error.Offset);
    }
}
