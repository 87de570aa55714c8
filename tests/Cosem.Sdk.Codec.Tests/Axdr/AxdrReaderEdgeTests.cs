using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;

namespace Cosem.Sdk.Codec.Tests.Axdr;

/// <summary>
/// The robustness edges of <see cref="AxdrReader"/> that mutation testing (docs/mutation-testing.md) showed no test
/// pinned down: length forms and their guards, the overrun pre-check, each typed read's width and sign, skipping,
/// nesting limits, and the offsets and fields errors report.
/// </summary>
public class AxdrReaderEdgeTests
{
    private delegate void Read(ref AxdrReader reader);

    private static CosemEncodingException Fails(string hex, Read read, int baseOffset = 0)
    {
        var reader = new AxdrReader(HexText.Bytes(hex), baseOffset);
        try
        {
            read(ref reader);
        }
        catch (CosemEncodingException ex)
        {
            return ex;
        }
        throw new Xunit.Sdk.XunitException($"no CosemEncodingException for {hex}");
    }

    private static int Length(string hex)
    {
        var reader = new AxdrReader(HexText.Bytes(hex));
        return reader.ReadLength();
    }

    [Theory]
    [InlineData("7F", 0x7F)]
    [InlineData("81 80", 0x80)]
    [InlineData("82 0100", 0x100)]
    [InlineData("83 010203", 0x010203)]
    [InlineData("84 7FFFFFFF", int.MaxValue)]
    [InlineData("81 00", 0)]
    public void Lengths_in_short_and_long_form(string hex, int expected) => Assert.Equal(expected, Length(hex));

    [Theory]
    [InlineData("80", "Indefinite length")]
    [InlineData("85 0000000001", "Length of 5 bytes is too large")]
    [InlineData("84 80000000", "Length 2147483648 is too large")]
    [InlineData("84 FFFFFFFF", "Length 4294967295 is too large")]
    [InlineData("82 01", "Truncated: 2 byte(s) needed, 1 left")]
    public void Bad_lengths_are_refused_at_their_first_byte(string hex, string message)
    {
        var error = Fails("00 " + hex, static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadLength("the length"); }, baseOffset: 10);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("the length", error.Field);
        Assert.Equal(message.StartsWith("Truncated", StringComparison.Ordinal) ? 12 : 11, error.Offset);
    }

    [Fact]
    public void A_bounded_length_may_use_exactly_what_is_left()
    {
        var reader = new AxdrReader(HexText.Bytes("03 AABBCC"));
        Assert.Equal(3, reader.ReadBoundedLength());
        reader = new AxdrReader(HexText.Bytes("02 AABBCCDD"));
        Assert.Equal(2, reader.ReadBoundedLength("pairs", minimumElementSize: 2));
        reader = new AxdrReader(HexText.Bytes("05"));
        Assert.Equal(5, reader.ReadBoundedLength("zero-size", minimumElementSize: 0));
    }

    [Theory]
    [InlineData("04 AABBCC", 1)]
    [InlineData("02 AABBCC", 2)]
    [InlineData("81 FF AABBCC", 1)]
    public void A_bounded_length_beyond_what_is_left_is_refused(string hex, int minimumElementSize)
    {
        var error = Fails(hex, (ref AxdrReader r) => r.ReadBoundedLength("count", minimumElementSize), baseOffset: 5);
        Assert.Contains("overruns the 3 byte(s) left", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Offset);
        Assert.Equal("count", error.Field);
    }

    [Fact]
    public void Truncation_names_what_was_needed_and_where()
    {
        var error = Fails("AA 01", static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadRawUInt32("counter"); }, baseOffset: 100);
        Assert.Equal("At byte 101 (counter): Truncated: 4 byte(s) needed, 1 left.", error.Message);
        Assert.Contains("Negative length -1", Fails("AA", static (ref AxdrReader r) => r.ReadRawBytes(-1)).Message, StringComparison.Ordinal);
        Assert.Equal(0, Fails("", static (ref AxdrReader r) => r.PeekRawByte("peek")).Offset);
    }

    [Fact]
    public void Raw_reads_are_big_endian_and_consume_exactly_their_width()
    {
        var reader = new AxdrReader(HexText.Bytes("01 0203 04050607 08090A0B0C0D0E0F 10"), 3);
        Assert.Equal(0x01, reader.PeekRawByte());
        Assert.Equal(0x01, reader.ReadRawByte());
        Assert.Equal(0x0203, reader.ReadRawUInt16());
        Assert.Equal(0x04050607u, reader.ReadRawUInt32());
        Assert.Equal(0x08090A0B0C0D0E0Ful, reader.ReadRawUInt64());
        Assert.Equal(15, reader.Position);
        Assert.Equal(18, reader.AbsolutePosition);
        Assert.Equal(1, reader.Remaining);
        Assert.False(reader.IsAtEnd);
        Assert.Equal(new byte[] { 0x10 }, reader.RemainingBytes.ToArray());
        Assert.Equal(new byte[] { 0x10 }, reader.ReadRemaining().ToArray());
        Assert.True(reader.IsAtEnd);
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Trailing_bytes_are_counted_at_their_offset()
    {
        var error = Fails("11 05 AA BB", static (ref AxdrReader r) => { r.ReadUInt8(); r.EnsureAtEnd("tail"); }, baseOffset: 4);
        Assert.Contains("2 unexpected trailing byte(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Offset);
        Assert.Equal("tail", error.Field);
    }

    [Fact]
    public void Typed_reads_keep_width_and_sign()
    {
        var reader = new AxdrReader(HexText.Bytes(
            "0F FF 10 FFFE 05 FFFFFFFD 14 FFFFFFFFFFFFFFFC 11 FF 12 FFFF 06 FFFFFFFF 15 FFFFFFFFFFFFFFFF 16 07 17 3FC00000 18 3FF8000000000000 0D 12 03 02 03 00 00"));
        Assert.Equal(-1, reader.ReadInt8());
        Assert.Equal(-2, reader.ReadInt16());
        Assert.Equal(-3, reader.ReadInt32());
        Assert.Equal(-4L, reader.ReadInt64());
        Assert.Equal(255, reader.ReadUInt8());
        Assert.Equal(65535, reader.ReadUInt16());
        Assert.Equal(uint.MaxValue, reader.ReadUInt32());
        Assert.Equal(ulong.MaxValue, reader.ReadUInt64());
        Assert.Equal(7, reader.ReadEnum());
        Assert.Equal(1.5f, reader.ReadFloat32());
        Assert.Equal(1.5, reader.ReadFloat64());
        Assert.Equal(0x12, reader.ReadBcd());
        Assert.True(reader.ReadBoolean());
        Assert.False(reader.ReadBoolean());
        reader.ReadNull();
        reader.EnsureAtEnd();
    }

    [Theory]
    [InlineData("0F FF", -1)]
    [InlineData("1C 80", -128)]
    [InlineData("11 FF", 255)]
    [InlineData("16 FE", 254)]
    [InlineData("03 01", 1)]
    [InlineData("1F FF", 255)]
    [InlineData("10 8000", -32768)]
    [InlineData("1D 8000", -32768)]
    [InlineData("12 8000", 32768)]
    [InlineData("20 FFFF", 65535)]
    [InlineData("05 80000000", int.MinValue)]
    [InlineData("1E 80000000", int.MinValue)]
    [InlineData("06 80000000", 2147483648L)]
    [InlineData("21 FFFFFFFF", 4294967295L)]
    [InlineData("14 8000000000000000", long.MinValue)]
    [InlineData("15 7FFFFFFFFFFFFFFF", long.MaxValue)]
    public void ReadInteger_widens_every_integer_type(string hex, long expected)
    {
        var reader = new AxdrReader(HexText.Bytes(hex));
        Assert.Equal(expected, reader.ReadInteger());
        reader.EnsureAtEnd();
    }

    [Theory]
    [InlineData("15 8000000000000000", "does not fit a signed 64-bit value", "long64-unsigned")]
    [InlineData("09 00", "Expected an integer type but found octet-string", "data type")]
    public void ReadInteger_refuses_what_is_not_a_signed_64_bit_integer(string hex, string message, string field)
    {
        var error = Fails("00 " + hex, static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadInteger(); }, baseOffset: 2);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
        Assert.Equal(3, error.Offset);
    }

    [Fact]
    public void A_wrong_or_missing_tag_names_the_expected_type()
    {
        var wrong = Fails("AA 12 0001", static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadUInt8(); });
        Assert.Equal("At byte 1 (unsigned): Expected unsigned but found long-unsigned (tag 18).", wrong.Message);
        var missing = Fails("AA", static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadUInt8(); });
        Assert.Equal(1, missing.Offset);
        Assert.Equal("unsigned", missing.Field);
        var unknown = Fails("AA 07", static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadDataType(); });
        Assert.Equal(1, unknown.Offset);
        Assert.Contains("Unknown data type tag 7", unknown.Message, StringComparison.Ordinal);
        var reader = new AxdrReader(HexText.Bytes("11 05"));
        Assert.Equal(DataType.Unsigned, reader.PeekDataType());
        Assert.Equal(0, reader.Position);
        Assert.Equal(DataType.Unsigned, reader.ReadDataType());
    }

    [Theory]
    [InlineData("04 00", 0)]
    [InlineData("04 01 80", 1)]
    [InlineData("04 08 FF", 1)]
    [InlineData("04 09 FF80", 2)]
    [InlineData("04 10 FFFF", 2)]
    public void Bit_strings_take_whole_bytes_for_their_bits(string hex, int bytes)
    {
        var reader = new AxdrReader(HexText.Bytes(hex));
        Assert.Equal(bytes, reader.ReadBitString(out _).Length);
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Strings_slice_exactly_their_length()
    {
        var reader = new AxdrReader(HexText.Bytes("09 02 AABB 0A 03 414243 0C 02 C3A9 01"));
        Assert.Equal(new byte[] { 0xAA, 0xBB }, reader.ReadOctetString().ToArray());
        Assert.Equal("ABC", reader.ReadVisibleString());
        Assert.Equal("é", reader.ReadUtf8String());
        Assert.Equal(1, reader.Remaining);
    }

    [Fact]
    public void Structure_and_logical_name_shapes_are_checked()
    {
        var error = Fails("AA 02 02 11 01 11 02", static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadStructureHeader(3, "row"); });
        Assert.Equal(1, error.Offset);
        Assert.Equal("row", error.Field);
        Assert.Contains("Expected a structure of 3 element(s) but found 2", error.Message, StringComparison.Ordinal);
        var reader = new AxdrReader(HexText.Bytes("02 02 11 01 11 02"));
        reader.ReadStructureHeader(2);
        var name = Fails("AA 09 05 0000010000", static (ref AxdrReader r) => { r.ReadRawByte(); r.ReadObisCode("name"); });
        Assert.Equal(1, name.Offset);
        Assert.Equal("name", name.Field);
        reader = new AxdrReader(HexText.Bytes("09 06 0000010000FF 0000010000FF"));
        Assert.Equal(reader.ReadObisCode(), reader.ReadRawObisCode());
        Assert.Equal(2, new AxdrReader(HexText.Bytes("01 02 11 01 11 02")).ReadArrayHeader());
    }

    [Theory]
    [InlineData("00")]
    [InlineData("11 05")]
    [InlineData("06 00000001")]
    [InlineData("09 03 AABBCC")]
    [InlineData("0A 01 41")]
    [InlineData("0C 01 41")]
    [InlineData("0D 12")]
    [InlineData("04 09 FF80")]
    [InlineData("19 07E6010106000000FF800000")]
    [InlineData("01 02 02 02 11 01 09 00 02 02 11 02 09 01 AA")]
    [InlineData("13 02 02 11 12 03 01 0002")]
    [InlineData("13 01 0002 11 02 0102")]
    public void SkipData_skips_exactly_one_value(string hex)
    {
        var reader = new AxdrReader(HexText.Bytes(hex + " 11 63"));
        reader.SkipData();
        Assert.Equal(99, reader.ReadUInt8());
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_when_skipping()
    {
        var deep = string.Concat(Enumerable.Repeat("01 01 ", AxdrReader.MaxNesting + 2)) + "00";
        var error = Fails(deep, static (ref AxdrReader r) => r.SkipData());
        Assert.Contains($"deeper than {AxdrReader.MaxNesting}", error.Message, StringComparison.Ordinal);
        var fits = string.Concat(Enumerable.Repeat("01 01 ", AxdrReader.MaxNesting)) + "00";
        var reader = new AxdrReader(HexText.Bytes(fits));
        reader.SkipData();
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Type_descriptions_are_checked_when_skipping_a_compact_array()
    {
        var deep = "13 " + string.Concat(Enumerable.Repeat("01 0001 ", AxdrReader.MaxNesting + 2)) + "11 00";
        Assert.Contains("Type description nested deeper", Fails(deep, static (ref AxdrReader r) => r.SkipData()).Message, StringComparison.Ordinal);
        var fits = "13 " + string.Concat(Enumerable.Repeat("01 0001 ", AxdrReader.MaxNesting)) + "11 01 05";
        var reader = new AxdrReader(HexText.Bytes(fits));
        reader.SkipData();
        reader.EnsureAtEnd();
        var nested = Fails("13 02 01 13", static (ref AxdrReader r) => r.SkipData());
        Assert.Equal(3, nested.Offset);
        Assert.Contains("cannot describe a compact-array", nested.Message, StringComparison.Ordinal);
        var unknown = Fails("13 02 01 07", static (ref AxdrReader r) => r.SkipData());
        Assert.Equal(3, unknown.Offset);
        Assert.Equal("type-description", unknown.Field);
        var body = new AxdrReader(HexText.Bytes("13 12 04 0001 0002"));
        body.ReadCompactArray(out var description, out var contents);
        Assert.Equal(new byte[] { 0x12 }, description.ToArray());
        Assert.Equal(4, contents.Length);
    }

    [Fact]
    public void Optional_flags_are_zero_or_present()
    {
        var reader = new AxdrReader(HexText.Bytes("00 01 FF"));
        Assert.False(reader.ReadOptionalFlag());
        Assert.True(reader.ReadOptionalFlag());
        Assert.True(reader.ReadOptionalFlag());
    }
}
