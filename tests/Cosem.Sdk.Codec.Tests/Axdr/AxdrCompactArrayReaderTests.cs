using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;

namespace Cosem.Sdk.Codec.Tests.Axdr;

/// <summary>
/// The compact-array part of <see cref="AxdrReader"/> (IEC 62056-6-2 §4.1.5) read directly, not through
/// <see cref="CosemData"/>: each field a truncation can stop in is named, with the offset and the reason, and the
/// type-description nesting limit holds for structures as well as arrays. Found by mutation testing
/// (docs/mutation-testing.md).
/// </summary>
public class AxdrCompactArrayReaderTests
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

    private static CosemEncodingException ReadFails(string hex) =>
        Fails(hex, static (ref AxdrReader r) => r.ReadCompactArray(out _, out _), baseOffset: 10);

    [Theory]
    [InlineData("13", 11, "type-description", "Truncated: 1 byte(s) needed, 0 left.")]
    [InlineData("13 01 00", 12, "number-of-elements", "Truncated: 2 byte(s) needed, 1 left.")]
    [InlineData("13 01 0001", 14, "type-description", "Truncated: 1 byte(s) needed, 0 left.")]
    [InlineData("13 02", 12, "structure description length", "Truncated: 1 byte(s) needed, 0 left.")]
    [InlineData("13 02 02 11", 12, "structure description length", "Length 2 overruns the 1 byte(s) left.")]
    [InlineData("13 12", 12, "array-contents length", "Truncated: 1 byte(s) needed, 0 left.")]
    [InlineData("13 12 02 00", 13, "array-contents", "Truncated: 2 byte(s) needed, 1 left.")]
    public void Each_truncated_field_is_named_with_its_offset(string hex, int offset, string field, string reason)
    {
        var error = ReadFails(hex);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(field, error.Field);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void A_description_of_a_compact_array_is_refused()
    {
        var error = ReadFails("13 02 02 12 13");
        Assert.Equal("A compact-array cannot describe a compact-array.", error.Reason);
        Assert.Equal("type-description", error.Field);
        Assert.Equal(14, error.Offset);
    }

    [Fact]
    public void An_unknown_tag_in_a_description_is_named()
    {
        var error = ReadFails("13 01 0002 07");
        Assert.Equal("Unknown data type tag 7 in type description.", error.Reason);
        Assert.Equal("type-description", error.Field);
        Assert.Equal(14, error.Offset);
    }

    [Fact]
    public void Structures_nested_beyond_the_limit_are_refused_in_a_description()
    {
        // Descriptions at depth 0..MaxNesting are accepted; one at depth MaxNesting + 1 is not.
        string Nested(int levels) => "13 " + string.Concat(Enumerable.Repeat("02 01 ", levels)) + "11 01 05";
        var error = ReadFails(Nested(AxdrReader.MaxNesting + 1));
        Assert.Equal($"Type description nested deeper than {AxdrReader.MaxNesting} levels.", error.Reason);
        Assert.Equal("type-description", error.Field);
        Assert.Equal(10 + 1 + (2 * (AxdrReader.MaxNesting + 1)), error.Offset);

        var reader = new AxdrReader(HexText.Bytes(Nested(AxdrReader.MaxNesting)));
        reader.ReadCompactArray(out var description, out var contents);
        Assert.Equal((2 * AxdrReader.MaxNesting) + 1, description.Length);
        Assert.Equal("05", HexText.Of(contents));
        reader.EnsureAtEnd();
    }

    [Fact]
    public void The_body_gives_the_description_and_contents_as_sliced()
    {
        var reader = new AxdrReader(HexText.Bytes("02 03 11 12 0A  03 01 0002 AA"));
        reader.ReadCompactArrayBody(out var description, out var contents);
        Assert.Equal("020311120A", HexText.Of(description));
        Assert.Equal("010002", HexText.Of(contents));
        Assert.Equal("AA", HexText.Of(reader.ReadRemaining()));
    }

    [Fact]
    public void A_compact_array_needs_its_tag()
    {
        var error = Fails("01 00", static (ref AxdrReader r) => r.ReadCompactArray(out _, out _));
        Assert.Contains("Expected compact-array", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }
}
