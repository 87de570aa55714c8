using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;

namespace Cosem.Sdk.Codec.Tests.Axdr;

/// <summary>
/// Every read of <see cref="AxdrReader"/> names the field it stopped in when the data end early: the field is what
/// a user sees in the error (and in the translator's output), so a wrong or empty name is a bug that mutation
/// testing (docs/mutation-testing.md) showed no other test would catch.
/// </summary>
public class AxdrReaderFieldTests
{
    public delegate void Read(ref AxdrReader reader);

    private static CosemEncodingException Fails(string hex, Read read)
    {
        // One byte before the value, so every offset is checked away from zero.
        var reader = new AxdrReader(HexText.Bytes("EE " + hex), baseOffset: 40);
        try
        {
            reader.ReadRawByte();
            read(ref reader);
        }
        catch (CosemEncodingException ex)
        {
            return ex;
        }
        throw new Xunit.Sdk.XunitException($"no CosemEncodingException for {hex}");
    }

    public static TheoryData<string, Read, string, int> TypedReads => new()
    {
        { "03", static (ref AxdrReader r) => r.ReadBoolean(), "boolean", 42 },
        { "0F", static (ref AxdrReader r) => r.ReadInt8(), "integer", 42 },
        { "10 00", static (ref AxdrReader r) => r.ReadInt16(), "long", 42 },
        { "05 000000", static (ref AxdrReader r) => r.ReadInt32(), "double-long", 42 },
        { "14 00000000000000", static (ref AxdrReader r) => r.ReadInt64(), "long64", 42 },
        { "11", static (ref AxdrReader r) => r.ReadUInt8(), "unsigned", 42 },
        { "12 00", static (ref AxdrReader r) => r.ReadUInt16(), "long-unsigned", 42 },
        { "06 000000", static (ref AxdrReader r) => r.ReadUInt32(), "double-long-unsigned", 42 },
        { "15 00000000000000", static (ref AxdrReader r) => r.ReadUInt64(), "long64-unsigned", 42 },
        { "16", static (ref AxdrReader r) => r.ReadEnum(), "enum", 42 },
        { "17 000000", static (ref AxdrReader r) => r.ReadFloat32(), "float32", 42 },
        { "18 00000000000000", static (ref AxdrReader r) => r.ReadFloat64(), "float64", 42 },
        { "0D", static (ref AxdrReader r) => r.ReadBcd(), "bcd", 42 },
        { "09", static (ref AxdrReader r) => r.ReadOctetString(), "octet-string length", 42 },
        { "09 02 AA", static (ref AxdrReader r) => r.ReadOctetString(), "octet-string", 43 },
        { "0A", static (ref AxdrReader r) => r.ReadVisibleStringBytes(), "visible-string length", 42 },
        { "0A 02 41", static (ref AxdrReader r) => r.ReadVisibleString(), "visible-string", 43 },
        { "0C", static (ref AxdrReader r) => r.ReadUtf8StringBytes(), "utf8-string length", 42 },
        { "0C 02 41", static (ref AxdrReader r) => r.ReadUtf8String(), "utf8-string", 43 },
        { "04", static (ref AxdrReader r) => r.ReadBitString(out _), "bit-string length", 42 },
        { "04 09 FF", static (ref AxdrReader r) => r.ReadBitString(out _), "bit-string", 43 },
        { "01", static (ref AxdrReader r) => r.ReadArrayHeader(), "array length", 42 },
        { "02", static (ref AxdrReader r) => r.ReadStructureHeader(), "structure length", 42 },
        { "0000010000", static (ref AxdrReader r) => r.ReadRawObisCode(), "instance-id", 41 },
        { "09", static (ref AxdrReader r) => r.ReadObisCode(), "octet-string length", 42 },
    };

    [Theory]
    [MemberData(nameof(TypedReads))]
    public void A_truncated_typed_read_names_its_field(string hex, Read read, string field, int offset)
    {
        var error = Fails(hex, read);
        Assert.StartsWith("Truncated: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("", "data type", 41)]
    [InlineData("0F", "integer", 42)]
    [InlineData("1C", "integer", 42)]
    [InlineData("11", "unsigned", 42)]
    [InlineData("16", "unsigned", 42)]
    [InlineData("03", "unsigned", 42)]
    [InlineData("1F", "unsigned", 42)]
    [InlineData("10 00", "long", 42)]
    [InlineData("1D 00", "long", 42)]
    [InlineData("12 00", "long-unsigned", 42)]
    [InlineData("20 00", "long-unsigned", 42)]
    [InlineData("05 000000", "double-long", 42)]
    [InlineData("1E 000000", "double-long", 42)]
    [InlineData("06 000000", "double-long-unsigned", 42)]
    [InlineData("21 000000", "double-long-unsigned", 42)]
    [InlineData("14 00000000000000", "long64", 42)]
    [InlineData("15 00000000000000", "long64-unsigned", 42)]
    public void A_truncated_integer_of_any_type_names_its_field(string hex, string field, int offset)
    {
        var error = Fails(hex, static (ref AxdrReader r) => r.ReadInteger());
        Assert.StartsWith("Truncated: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("", "data type", 41)]
    [InlineData("11", "unsigned", 42)]
    [InlineData("19 07E6", "date-time", 42)]
    [InlineData("09", "octet-string length", 42)]
    [InlineData("09 02 AA", "octet-string", 43)]
    [InlineData("0A 01", "visible-string", 43)]
    [InlineData("0C 01", "utf8-string", 43)]
    [InlineData("0D", "bcd", 42)]
    [InlineData("04", "bit-string length", 42)]
    [InlineData("04 11 FFFF", "bit-string", 43)]
    [InlineData("01", "array length", 42)]
    [InlineData("01 01 12 00", "long-unsigned", 44)]
    public void Skipping_a_truncated_value_names_its_field(string hex, string field, int offset)
    {
        var error = Fails(hex, static (ref AxdrReader r) => r.SkipData());
        Assert.StartsWith("Truncated: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Peeking_at_a_tag_past_the_end_names_the_data_type()
    {
        var error = Fails("", static (ref AxdrReader r) => r.PeekDataType());
        Assert.Equal("Truncated: 1 byte(s) needed, 0 left.", error.Reason);
        Assert.Equal("data type", error.Field);
        Assert.Equal(41, error.Offset);
    }

    [Fact]
    public void Error_texts_are_whole()
    {
        Assert.Equal("A logical name is 6 bytes; found 5.", Fails("09 05 0000010000", static (ref AxdrReader r) => r.ReadObisCode()).Reason);
        Assert.Equal("logical-name", Fails("09 07 0000010000FF00", static (ref AxdrReader r) => r.ReadObisCode()).Field);
        Assert.Equal("Negative length -2.", Fails("AA", static (ref AxdrReader r) => r.ReadRawBytes(-2)).Reason);
        Assert.Equal("Unknown data type tag 8.", Fails("08", static (ref AxdrReader r) => r.ReadDataType()).Reason);
        Assert.Equal("Expected a structure of 1 element(s) but found 0.", Fails("02 00", static (ref AxdrReader r) => r.ReadStructureHeader(1)).Reason);
        Assert.Equal("structure", Fails("02 00", static (ref AxdrReader r) => r.ReadStructureHeader(1)).Field);
        Assert.Equal("Expected an integer type but found array.", Fails("01 00", static (ref AxdrReader r) => r.ReadInteger()).Reason);
        Assert.Equal("long64-unsigned 18446744073709551615 does not fit a signed 64-bit value.",
            Fails("15 FFFFFFFFFFFFFFFF", static (ref AxdrReader r) => r.ReadInteger()).Reason);
        Assert.Equal("3 unexpected trailing byte(s).", Fails("00 01 02", static (ref AxdrReader r) => r.EnsureAtEnd()).Reason);
        Assert.Equal("end of data", Fails("00", static (ref AxdrReader r) => r.EnsureAtEnd()).Field);

        var deep = string.Concat(Enumerable.Repeat("02 01 ", AxdrReader.MaxNesting + 1)) + "00";
        var nested = Fails(deep, static (ref AxdrReader r) => r.SkipData());
        Assert.Equal($"Data nested deeper than {AxdrReader.MaxNesting} levels.", nested.Reason);
        Assert.Equal("data", nested.Field);
        Assert.Equal(41 + (2 * (AxdrReader.MaxNesting + 1)), nested.Offset);
    }

    [Fact]
    public void The_buffer_is_the_whole_input_whatever_was_read()
    {
        var reader = new AxdrReader(HexText.Bytes("11 05 AA"));
        reader.ReadUInt8();
        Assert.Equal("1105AA", HexText.Of(reader.Buffer));
        Assert.Equal("AA", HexText.Of(reader.RemainingBytes));
    }
}
