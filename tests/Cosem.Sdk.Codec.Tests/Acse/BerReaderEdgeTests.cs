using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Codec.Tests.Acse;

/// <summary>
/// The edges of <see cref="BerReader"/> that mutation testing (docs/mutation-testing.md) showed no test pinned down:
/// the length guards exactly at their boundary, redundant sign octets of long INTEGERs, the default tag of each typed
/// read, BOOLEAN and truncation checks, and the texts, offsets and fields of the errors.
/// </summary>
public class BerReaderEdgeTests
{
    private delegate void Read(ref BerReader reader);

    private static CosemEncodingException Fails(string hex, Read read, int baseOffset = 0)
    {
        var reader = new BerReader(HexText.Bytes(hex), baseOffset);
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

    private static long Integer(string hex)
    {
        var reader = new BerReader(HexText.Bytes(hex));
        long value = reader.ReadInteger("i");
        reader.EnsureAtEnd();
        return value;
    }

    // ---- Length guards at their boundary ----------------------------------------------------------------------

    [Fact]
    public void A_four_octet_long_form_length_is_still_read()
    {
        // X.690 §8.1.3.5: up to 126 length octets are legal; we accept up to four (enough for an int).
        var reader = new BerReader(HexText.Bytes("84 00000001 AA"));
        Assert.Equal(1, reader.ReadLength());
        Assert.Equal(1, reader.Remaining);
    }

    [Fact]
    public void A_five_octet_length_is_too_large_naming_its_octet_count()
    {
        var error = Fails("0500 85 0000000001", static (ref BerReader r) => { r.Skip(); r.ReadLength("len"); }, baseOffset: 3);
        Assert.Equal("A length of 5 octets is too large.", error.Reason);
        Assert.Equal(5, error.Offset);
        Assert.Equal("len", error.Field);
    }

    [Fact]
    public void A_length_of_exactly_int_max_is_not_too_large_but_overruns()
    {
        var error = Fails("84 7FFFFFFF 00", static (ref BerReader r) => r.ReadLength("len"));
        Assert.Equal("Length 2147483647 overruns the 1 byte(s) left.", error.Reason);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void A_length_one_beyond_int_max_is_too_large()
    {
        var error = Fails("84 80000000", static (ref BerReader r) => r.ReadLength("len"));
        Assert.Equal("Length 2147483648 is too large.", error.Reason);
    }

    [Fact]
    public void A_length_may_use_exactly_what_is_left_but_not_one_more()
    {
        var reader = new BerReader(HexText.Bytes("02 AABB"));
        Assert.Equal(2, reader.ReadLength());
        var error = Fails("03 AABB", static (ref BerReader r) => r.ReadLength("len"));
        Assert.Equal("Length 3 overruns the 2 byte(s) left.", error.Reason);
    }

    // ---- INTEGER: redundant sign octets beyond eight ------------------------------------------------------------

    [Theory]
    [InlineData("02 09 00 7FFFFFFFFFFFFFFF", long.MaxValue)] // 0x00 before a positive high octet is redundant
    [InlineData("02 09 FF 8000000000000000", long.MinValue)] // 0xFF before a negative high octet (exactly 0x80) is redundant
    [InlineData("02 09 FF FFFFFFFFFFFFFFFF", -1L)]
    [InlineData("02 0A 0000 7F00000000000000", 0x7F00000000000000L)]
    [InlineData("02 0A FFFF 80000000000000FF", long.MinValue + 0xFF)]
    public void Redundant_sign_octets_beyond_eight_are_dropped(string hex, long expected) =>
        Assert.Equal(expected, Integer(hex));

    [Theory]
    [InlineData("02 09 00 8000000000000000")] // 2^63: the 0x00 is needed for the sign, so nine octets are meaningful
    [InlineData("02 09 FF 7FFFFFFFFFFFFFFF")] // -2^63 - 1
    [InlineData("02 09 01 0000000000000000")]
    [InlineData("02 09 FE FFFFFFFFFFFFFFFF")]
    public void Nine_meaningful_octets_do_not_fit(string hex)
    {
        var error = Fails("0500 " + hex, static (ref BerReader r) => { r.Skip(); r.ReadInteger("counter"); }, baseOffset: 4);
        Assert.Equal("INTEGER of 9 octets does not fit in 64 bits.", error.Reason);
        Assert.Equal(6, error.Offset);
        Assert.Equal("counter", error.Field);
    }

    [Fact]
    public void An_empty_integer_is_refused_with_its_reason()
    {
        var error = Fails("02 00", static (ref BerReader r) => r.ReadInteger("n"), baseOffset: 7);
        Assert.Equal("An INTEGER needs at least one contents octet.", error.Reason);
        Assert.Equal(7, error.Offset);
        Assert.Equal("n", error.Field);
    }

    // ---- Default and explicit tags of the typed reads -----------------------------------------------------------

    [Fact]
    public void Typed_reads_without_a_tag_expect_their_universal_tag()
    {
        Assert.Contains("Expected [UNIVERSAL 1]", Fails("02 01 01", static (ref BerReader r) => r.ReadBoolean("b")).Reason, StringComparison.Ordinal);
        Assert.Contains("Expected [UNIVERSAL 2]", Fails("01 01 01", static (ref BerReader r) => r.ReadInteger("i")).Reason, StringComparison.Ordinal);
        Assert.Contains("Expected [UNIVERSAL 3]", Fails("04 02 00FF", static (ref BerReader r) => r.ReadBitString(out _, "s")).Reason, StringComparison.Ordinal);
        Assert.Contains("Expected [UNIVERSAL 4]", Fails("19 01 41", static (ref BerReader r) => r.ReadOctetString("o")).Reason, StringComparison.Ordinal);
        Assert.Contains("Expected [UNIVERSAL 25]", Fails("04 01 41", static (ref BerReader r) => r.ReadGraphicString("g")).Reason, StringComparison.Ordinal);
        Assert.Contains("Expected [UNIVERSAL 6]", Fails("04 01 01", static (ref BerReader r) => r.ReadObjectIdentifier("id")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_reads_with_a_tag_expect_that_tag()
    {
        var reader = new BerReader(HexText.Bytes("80 01 FF  81 01 2A  82 02 06C0  83 01 AA  84 01 41  85 02 2A03"));
        Assert.True(reader.ReadBoolean("b", BerTag.Context(0)));
        Assert.Equal(42, reader.ReadInteger("i", BerTag.Context(1)));
        Assert.Equal("C0", HexText.Of(reader.ReadBitString(out int unused, "s", BerTag.Context(2))));
        Assert.Equal(6, unused);
        Assert.Equal("AA", HexText.Of(reader.ReadOctetString("o", BerTag.Context(3))));
        Assert.Equal("41", HexText.Of(reader.ReadGraphicString("g", BerTag.Context(4))));
        Assert.Equal("2A03", HexText.Of(reader.ReadObjectIdentifier("id", BerTag.Context(5))));
        Assert.True(reader.IsAtEnd);
    }

    // ---- BOOLEAN, BIT STRING ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("01 00", 0)]
    [InlineData("01 02 0000", 2)]
    public void A_boolean_has_exactly_one_contents_octet(string hex, int found)
    {
        var error = Fails("0500 " + hex, static (ref BerReader r) => { r.Skip(); r.ReadBoolean("flag"); }, baseOffset: 2);
        Assert.Equal($"A BOOLEAN has one contents octet; found {found}.", error.Reason);
        Assert.Equal(4, error.Offset);
        Assert.Equal("flag", error.Field);
    }

    [Theory]
    [InlineData("01 01 00", false)]
    [InlineData("01 01 01", true)]
    [InlineData("01 01 FF", true)]
    public void A_boolean_is_false_only_when_zero(string hex, bool expected) =>
        Assert.Equal(expected, new BerReader(HexText.Bytes(hex)).ReadBoolean("b"));

    [Fact]
    public void A_bit_string_without_its_unused_bits_octet_is_refused()
    {
        var error = Fails("0500 03 00", static (ref BerReader r) => { r.Skip(); r.ReadBitString(out _, "bits"); }, baseOffset: 1);
        Assert.Equal("A BIT STRING needs its unused-bits octet.", error.Reason);
        Assert.Equal(3, error.Offset);
        Assert.Equal("bits", error.Field);
    }

    [Theory]
    [InlineData("03 02 08FF", 8)] // more than 7 unused bits
    [InlineData("03 01 01", 1)] // unused bits but no bits at all
    public void Bad_unused_bit_counts_are_named(string hex, int unused)
    {
        var error = Fails(hex, static (ref BerReader r) => r.ReadBitString(out _, "bits"));
        Assert.Equal($"Invalid unused-bits count {unused}.", error.Reason);
        Assert.Equal(0, error.Offset);
    }

    [Theory]
    [InlineData("03 02 07FF", 7)] // the largest legal count
    [InlineData("03 01 00", 0)] // an empty bit string
    public void Legal_unused_bit_counts_are_kept(string hex, int unused)
    {
        new BerReader(HexText.Bytes(hex)).ReadBitString(out int found, "bits");
        Assert.Equal(unused, found);
    }

    // ---- Truncation and trailing bytes --------------------------------------------------------------------------

    [Fact]
    public void A_missing_byte_reports_what_was_needed_and_where()
    {
        var error = Fails("04", static (ref BerReader r) => r.ReadOctetString("o"), baseOffset: 20);
        Assert.Equal("Truncated: 1 byte(s) needed, 0 left.", error.Reason);
        Assert.Equal(21, error.Offset);
        Assert.Equal("o", error.Field);
    }

    [Fact]
    public void A_value_may_end_exactly_at_the_end_of_the_buffer()
    {
        var reader = new BerReader(HexText.Bytes("04 02 AABB"));
        Assert.Equal("AABB", HexText.Of(reader.ReadOctetString("o")));
        Assert.True(reader.IsAtEnd);
        Assert.Equal(0, reader.Remaining);
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Trailing_bytes_are_counted_and_located()
    {
        var error = Fails("05 00 AA BB", static (ref BerReader r) => { r.Skip(); r.EnsureAtEnd("APDU"); }, baseOffset: 100);
        Assert.Equal("2 unexpected trailing byte(s).", error.Reason);
        Assert.Equal(102, error.Offset);
        Assert.Equal("APDU", error.Field);
    }

    [Fact]
    public void Position_counts_from_the_buffer_and_absolute_position_from_the_unit()
    {
        var reader = new BerReader(HexText.Bytes("05 00 04 01 AA"), baseOffset: 30);
        Assert.Equal(BerTag.Null, reader.PeekTag());
        Assert.Equal(0, reader.Position);
        Assert.Equal("0500", HexText.Of(reader.ReadEncodedValue()));
        Assert.Equal(2, reader.Position);
        Assert.Equal(32, reader.AbsolutePosition);
        Assert.Equal(3, reader.Remaining);
        Assert.False(reader.IsAtEnd);
        Assert.Equal("AA", HexText.Of(reader.ReadValue(out var tag)));
        Assert.Equal(BerTag.OctetString, tag);
        Assert.True(reader.IsAtEnd);
    }
}

