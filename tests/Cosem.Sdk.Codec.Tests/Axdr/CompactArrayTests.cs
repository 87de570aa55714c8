using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;

namespace Cosem.Sdk.Codec.Tests.Axdr;

// Vectors built by hand from the compact-array grammar of IEC 62056-6-2 §4.1.5:
// 13 <type-description> <contents length> <contents: element values without tags>.
public class CompactArrayTests
{
    [Fact]
    public void Simple_elements_decode_and_re_encode()
    {
        var value = CosemData.Decode(HexText.Bytes("13 12 04 0001 0002"));
        Assert.Equal(DataType.CompactArray, value.Type);
        Assert.Equal(TypeDescription.Simple(DataType.LongUnsigned), value.CompactArrayDescription);
        Assert.Equal([CosemData.FromUInt16(1), CosemData.FromUInt16(2)], value.Items.ToArray());
        Assert.Equal("compact-array of long-unsigned [2] { long-unsigned 1, long-unsigned 2 }", value.ToString());
    }

    [Fact]
    public void Profile_rows_as_structures_with_date_time_and_deltas()
    {
        // Rows of structure { date-time [25], double-long-unsigned, delta-long-unsigned }: the first row carries
        // the absolute register value, the second a delta of +5 (Blue Book Ed. 14 delta types, kept as stored).
        var hex = "13 02 03 19 06 20 24"
            + "07E8060F06140000 00 FF88 80 000003E8 0000"
            + "07E8060F06150000 00 FF88 80 000003E8 0005";
        var bytes = HexText.Bytes(hex);
        var value = CosemData.Decode(bytes);
        Assert.Equal(2, value.Count);
        var second = value.Items[1];
        Assert.Equal(DataType.Structure, second.Type);
        Assert.Equal(21, second.Items[0].AsDateTime().Hour);
        Assert.Equal(1000, second.Items[1].AsInt64());
        Assert.Equal(DataType.DeltaLongUnsigned, second.Items[2].Type);
        Assert.Equal(5, second.Items[2].AsInt64());
        Assert.Equal(bytes, value.ToArray());
        Assert.Equal("structure { date-time, double-long-unsigned, delta-long-unsigned }", value.CompactArrayDescription.ToString());
    }

    [Fact]
    public void Nested_array_descriptions_and_variable_length_elements()
    {
        // array[2] of unsigned, then structure { octet-string, visible-string, bit-string }
        var arrays = CosemData.Decode(HexText.Bytes("13 01 0002 11 04 01 02 03 04"));
        Assert.Equal(2, arrays.Count);
        Assert.Equal([CosemData.FromUInt8(3), CosemData.FromUInt8(4)], arrays.Items[1].Items.ToArray());

        var strings = HexText.Bytes("13 02 03 09 0A 04 0A 02 AABB 01 41 03 E0  00 00 00");
        var value = CosemData.Decode(strings);
        Assert.Equal(2, value.Count);
        Assert.Equal("A", value.Items[0].Items[1].AsString());
        Assert.Equal("111", value.Items[0].Items[2].AsBitString().ToString());
        Assert.Equal(strings, value.ToArray());
    }

    [Fact]
    public void Non_minimal_length_forms_survive_re_encoding()
    {
        // Structure count and contents length in long form (81 02 / 81 04): legal A-XDR, kept byte for byte.
        var bytes = HexText.Bytes("13 02 81 02 11 11 81 04 01 02 03 04");
        Assert.Equal(bytes, CosemData.Decode(bytes).ToArray());
    }

    [Fact]
    public void Built_compact_arrays_equal_decoded_ones()
    {
        var description = TypeDescription.StructureOf(TypeDescription.Simple(DataType.Unsigned), TypeDescription.ArrayOf(2, TypeDescription.Simple(DataType.Long)));
        var row1 = CosemData.Structure(CosemData.FromUInt8(1), CosemData.Array(CosemData.FromInt16(-1), CosemData.FromInt16(2)));
        var row2 = CosemData.Structure(CosemData.FromUInt8(2), CosemData.Array(CosemData.FromInt16(3), CosemData.FromInt16(-4)));
        var built = CosemData.CompactArray(description, row1, row2);
        Assert.Equal("13 02 02 11 01 0002 10 0A 01 FFFF 0002 02 0003 FFFC".Replace(" ", ""), Convert.ToHexString(built.ToArray()));
        Assert.Equal(built, CosemData.Decode(built.ToArray()));
        Assert.Equal(description, TypeDescription.Describe(row1));
        Assert.Throws<ArgumentException>(() => CosemData.CompactArray(description, CosemData.FromUInt8(1)));
    }

    [Fact]
    public void Contents_can_be_decoded_from_the_reader_spans()
    {
        var reader = new AxdrReader(HexText.Bytes("13 12 04 0001 0002"));
        reader.ReadCompactArray(out var description, out var contents);
        var elements = CosemData.DecodeCompactArray(description, contents);
        Assert.Equal([CosemData.FromUInt16(1), CosemData.FromUInt16(2)], elements.ToArray());
    }

    [Theory]
    [InlineData("13 13 00", 1, "type-description")]                        // compact-array describing a compact-array
    [InlineData("13 00 01 00", 3, "array-contents")]                       // zero-size elements with contents
    [InlineData("13 02 00 01 00", 4, "array-contents")]                    // empty structures with contents
    [InlineData("13 12 03 0001 00", 5, "long-unsigned")]                   // contents end inside an element
    [InlineData("13 01 FFFF 01 FFFF 11 02 0102", 9, "array-contents")]     // nested arrays far larger than the contents
    [InlineData("13 01 FFFF 00 02 0102", 6, "array-contents")]             // 65535 null-data per element
    [InlineData("13 07 00", 1, "type-description")]                        // reserved tag in description
    [InlineData("13 12 84 7FFFFFFF", 7, "array-contents")]                 // hostile contents length
    [InlineData("13 02 05 11", 2, "structure description length")]         // truncated description
    public void Hostile_or_broken_compact_arrays_are_typed_errors(string hex, int offset, string field)
    {
        var bytes = HexText.Bytes(hex);
        var error = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(bytes));
        Assert.Equal(offset, error.Offset);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Many_zero_size_fields_cannot_amplify_small_input()
    {
        // structure { 200 × null-data, unsigned }: 202 values for each of 8000 content bytes would be 1.6 million.
        var description = new List<byte> { 0x13, 0x02, 0x81, 201 };
        description.AddRange(Enumerable.Repeat((byte)0x00, 200));
        description.Add(0x11);
        description.AddRange([0x82, 0x1F, 0x40]);
        description.AddRange(new byte[8000]);
        var error = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(description.ToArray()));
        Assert.Equal("type-description", error.Field);
    }

    [Fact]
    public void Contents_shorter_than_one_element_are_refused_before_anything_is_built()
    {
        // Fuzzing found it (fuzz/regressions/axdr): structure { long-unsigned, array[65535] of array[65535] of
        // null-data } with 1 content byte built millions of null-data values before running out of bytes.
        var bytes = HexText.Bytes("13 02 02 12 01 FFFF 01 FFFF 00 01 00");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(bytes));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64 * 1024);
        Assert.Equal(12, error.Offset);
        Assert.Equal("array-contents", error.Field);
    }

    [Fact]
    public void Empty_contents_give_no_elements()
    {
        var value = CosemData.Decode(HexText.Bytes("13 02 02 11 12 00"));
        Assert.Equal(0, value.Count);
        Assert.Equal(HexText.Bytes("13 02 02 11 12 00"), value.ToArray());
    }

    [Theory]
    [InlineData("13 01 0003 09 04 01AA 01BB")]           // array[3] of octet-string, two in the contents
    [InlineData("13 01 0002 02 02 11 11 03 010203")]     // array[2] of structure { unsigned, unsigned }, three bytes
    [InlineData("13 02 02 11 09 03 01 02AA")]            // structure { unsigned, octet-string } cut inside the string
    public void A_description_promising_more_than_the_contents_hold_is_a_decoding_error(string hex)
    {
        var error = Assert.ThrowsAny<CosemEncodingException>(() => CosemData.Decode(HexText.Bytes(hex)));
        Assert.NotNull(error.Field);
    }
}
