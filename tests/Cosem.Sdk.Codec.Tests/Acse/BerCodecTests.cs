using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Codec.Tests.Acse;

public class BerCodecTests
{
    [Theory]
    [InlineData("60", BerTagClass.Application, 0, true)]
    [InlineData("A1", BerTagClass.ContextSpecific, 1, true)]
    [InlineData("8A", BerTagClass.ContextSpecific, 10, false)]
    [InlineData("BE", BerTagClass.ContextSpecific, 30, true)]
    [InlineData("06", BerTagClass.Universal, 6, false)]
    [InlineData("5F1F", BerTagClass.Application, 31, false)]        // xDLMS Conformance [APPLICATION 31]
    [InlineData("9F8100", BerTagClass.ContextSpecific, 128, false)]
    [InlineData("DF7F", BerTagClass.Private, 127, false)]
    public void Reads_and_writes_identifiers(string hex, BerTagClass tagClass, int number, bool constructed)
    {
        var bytes = HexText.Bytes(hex);
        var reader = new BerReader(bytes);
        var tag = reader.ReadTag();
        Assert.Equal(new BerTag(tagClass, number, constructed), tag);
        Assert.True(reader.IsAtEnd);
        Assert.Equal(bytes.Length, tag.EncodedLength);

        var written = new byte[tag.EncodedLength];
        Assert.Equal(bytes.Length, tag.WriteTo(written));
        Assert.Equal(hex, HexText.Of(written));
    }

    [Theory]
    [InlineData("1F80", "leading zero", 0)]
    [InlineData("1F1E", "low tag-number form", 0)]
    [InlineData("1F8181818101", "too large", 0)]
    [InlineData("1F81", "Truncated", 2)] // the next tag-number octet is missing at offset 2
    public void Refuses_malformed_identifiers(string hex, string reason, int offset)
    {
        var bytes = HexText.Bytes(hex);
        var error = Assert.Throws<CosemEncodingException>(() => new BerReader(bytes).ReadTag("probe"));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("probe", error.Field);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8180")]
    [InlineData(255, "81FF")]
    [InlineData(256, "820100")]
    [InlineData(65535, "82FFFF")]
    [InlineData(65536, "83010000")]
    public void Writes_minimal_lengths_and_reads_them_back(int length, string hex)
    {
        var buffer = new byte[8];
        var writer = new BerWriter(buffer);
        writer.WriteLength(length);
        Assert.Equal(hex, HexText.Of(writer.WrittenSpan));
        Assert.Equal(hex.Length / 2, BerWriter.GetLengthSize(length));

        // A reader also needs the contents to be there.
        var encoded = new byte[hex.Length / 2 + length];
        HexText.Bytes(hex).CopyTo(encoded, 0);
        var reader = new BerReader(encoded);
        Assert.Equal(length, reader.ReadLength());
    }

    [Fact]
    public void Accepts_non_minimal_long_form_lengths()
    {
        // BER (unlike DER) allows long form for short lengths (X.690 §8.1.3.2 b).
        var reader = new BerReader(HexText.Bytes("04820001AA"));
        Assert.Equal(BerTag.OctetString, reader.ReadTag());
        Assert.Equal(1, reader.ReadLength());
    }

    [Theory]
    [InlineData("80", "Indefinite", 0)]
    [InlineData("8500000001", "too large", 0)]
    [InlineData("05", "overruns", 0)]
    [InlineData("8180", "overruns", 0)]
    [InlineData("84FFFFFFFF", "too large", 0)]
    [InlineData("82", "Truncated", 1)]
    public void Refuses_bad_lengths(string hex, string reason, int offset)
    {
        var bytes = HexText.Bytes(hex);
        var error = Assert.Throws<CosemEncodingException>(() => new BerReader(bytes).ReadLength("len"));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData(0L, "020100")]
    [InlineData(127L, "02017F")]
    [InlineData(128L, "02020080")]
    [InlineData(-1L, "0201FF")]
    [InlineData(-128L, "020180")]
    [InlineData(-129L, "0202FF7F")]
    [InlineData(256L, "02020100")]
    [InlineData(long.MaxValue, "02087FFFFFFFFFFFFFFF")]
    [InlineData(long.MinValue, "02088000000000000000")]
    public void Integers_use_the_fewest_octets(long value, string hex)
    {
        var buffer = new byte[16];
        var writer = new BerWriter(buffer);
        writer.WriteInteger(value);
        Assert.Equal(hex, HexText.Of(writer.WrittenSpan));
        var reader = new BerReader(writer.WrittenSpan);
        Assert.Equal(value, reader.ReadInteger("integer"));
    }

    [Fact]
    public void Integers_tolerate_redundant_leading_octets_but_not_overflow()
    {
        Assert.Equal(5, new BerReader(HexText.Bytes("020A00000000000000000005")).ReadInteger("i"));
        Assert.Equal(-1, new BerReader(HexText.Bytes("0209FFFFFFFFFFFFFFFFFF")).ReadInteger("i"));
        Assert.Throws<CosemEncodingException>(() => new BerReader(HexText.Bytes("0209010000000000000000")).ReadInteger("i"));
        Assert.Throws<CosemEncodingException>(() => new BerReader(HexText.Bytes("0200")).ReadInteger("i"));
    }

    [Theory]
    [InlineData("2.16.756.5.8.1.1", "60857405080101")]
    [InlineData("2.16.756.5.8.2.5", "60857405080205")]
    [InlineData("1.2.840.10045.4.3.2", "2A8648CE3D040302")]
    [InlineData("2.999.3", "883703")]
    [InlineData("0.39", "27")]
    public void Object_identifiers_round_trip(string dotted, string contentsHex)
    {
        uint[] arcs = dotted.Split('.').Select(uint.Parse).ToArray();
        Assert.Equal(contentsHex.Length / 2, BerObjectIdentifier.GetEncodedLength(arcs));
        var buffer = new byte[32];
        var writer = new BerWriter(buffer);
        writer.WriteObjectIdentifier(arcs);
        Assert.Equal("06" + (contentsHex.Length / 2).ToString("X2") + contentsHex, HexText.Of(writer.WrittenSpan));

        var reader = new BerReader(writer.WrittenSpan);
        var contents = reader.ReadObjectIdentifier("oid");
        Assert.Equal(dotted, BerObjectIdentifier.ToString(contents));
        var decoded = new uint[arcs.Length];
        Assert.Equal(arcs.Length, BerObjectIdentifier.Decode(contents, decoded));
        Assert.Equal(arcs, decoded);
    }

    [Theory]
    [InlineData("0600")]          // empty
    [InlineData("060260 85")]     // ends inside a subidentifier
    [InlineData("0603608074")]    // leading 0x80 digit
    [InlineData("0606609080808000")] // arc of 2^32
    public void Refuses_malformed_object_identifiers(string hex)
    {
        var bytes = HexText.Bytes(hex);
        Assert.Throws<CosemEncodingException>(() => new BerReader(bytes).ReadObjectIdentifier("oid"));
    }

    [Fact]
    public void Bit_strings_keep_their_unused_bit_count()
    {
        var buffer = new byte[8];
        var writer = new BerWriter(buffer);
        writer.WriteBitString([0x80], 7, BerTag.Context(10));
        Assert.Equal("8A020780", HexText.Of(writer.WrittenSpan));

        var reader = new BerReader(writer.WrittenSpan);
        var bits = reader.ReadBitString(out int unused, "acse-requirements", BerTag.Context(10));
        Assert.Equal(7, unused);
        Assert.Equal([0x80], bits.ToArray());

        Assert.Throws<CosemEncodingException>(() => new BerReader(HexText.Bytes("03020880")).ReadBitString(out _, "b"));
        Assert.Throws<CosemEncodingException>(() => new BerReader(HexText.Bytes("030107")).ReadBitString(out _, "b"));
        Assert.Throws<CosemEncodingException>(() => new BerReader(HexText.Bytes("0300")).ReadBitString(out _, "b"));
    }

    [Fact]
    public void Nested_values_get_long_form_lengths_by_shifting_their_contents()
    {
        var certificate = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var buffer = new byte[400];
        var writer = new BerWriter(buffer);
        writer.StartConstructed(BerTag.Application(0));
        writer.StartConstructed(BerTag.Context(7));
        writer.WriteOctetString(certificate);
        writer.EndConstructed();
        writer.WriteBoolean(true);
        writer.EndConstructed();
        writer.EnsureComplete();

        var bytes = writer.WrittenSpan.ToArray();
        // 60 82 01 37 | A7 82 01 30 | 04 82 01 2C <300> | 01 01 FF
        Assert.Equal("60820137A78201300482012C", HexText.Of(bytes.AsSpan(0, 12)));
        Assert.Equal("0101FF", HexText.Of(bytes.AsSpan(bytes.Length - 3)));
        Assert.Equal(4 + 4 + 4 + 300 + 3, bytes.Length);

        var reader = new BerReader(bytes);
        var aarq = reader.ReadConstructed(BerTag.Application(0), "outer");
        reader.EnsureAtEnd();
        var qualifier = aarq.ReadConstructed(BerTag.Context(7), "qualifier");
        Assert.Equal(certificate, qualifier.ReadOctetString("certificate").ToArray());
        qualifier.EnsureAtEnd();
        Assert.True(aarq.ReadBoolean("flag"));
        aarq.EnsureAtEnd();
    }

    [Fact]
    public void A_measuring_writer_counts_exactly_what_a_real_writer_writes()
    {
        static void Write(ref BerWriter writer)
        {
            writer.StartConstructed(BerTag.Application(1));
            for (int i = 0; i < 3; i++)
            {
                writer.StartConstructed(BerTag.Context(i));
                writer.WriteOctetString(new byte[60 * i]);
                writer.WriteInteger(-1000L * i);
                writer.EndConstructed();
            }
            writer.WriteGraphicString("ABC"u8, BerTag.Context(29));
            writer.EndConstructed();
        }

        var measure = BerWriter.CreateMeasuring();
        Write(ref measure);
        Assert.True(measure.IsMeasuring);

        var buffer = new byte[measure.BytesWritten];
        var writer = new BerWriter(buffer);
        Write(ref writer);
        Assert.Equal(measure.BytesWritten, writer.BytesWritten);

        var reader = new BerReader(buffer);
        var body = reader.ReadConstructed(BerTag.Application(1), "body");
        reader.EnsureAtEnd();
        for (int i = 0; i < 3; i++)
        {
            var item = body.ReadConstructed(BerTag.Context(i), "item");
            Assert.Equal(60 * i, item.ReadOctetString("o").Length);
            Assert.Equal(-1000L * i, item.ReadInteger("i"));
            item.EnsureAtEnd();
        }
        Assert.Equal("ABC"u8.ToArray(), body.ReadGraphicString("g", BerTag.Context(29)).ToArray());
        body.EnsureAtEnd();
    }

    [Fact]
    public void A_full_destination_is_an_encoding_error()
    {
        var buffer = new byte[3];
        Assert.Throws<CosemEncodingException>(() =>
        {
            var writer = new BerWriter(buffer);
            writer.WriteOctetString([1, 2, 3]);
        });
    }

    [Fact]
    public void Nested_readers_report_offsets_from_the_outer_buffer()
    {
        var bytes = HexText.Bytes("6005A103020200"); // the INTEGER claims 2 octets, 1 is left
        var reader = new BerReader(bytes);
        var body = reader.ReadConstructed(BerTag.Application(0), "AARQ");
        var inner = body.ReadConstructed(BerTag.Context(1), "field");
        CosemEncodingException? error = null;
        try
        {
            inner.ReadInteger("value");
        }
        catch (CosemEncodingException e)
        {
            error = e;
        }
        Assert.NotNull(error);
        Assert.Equal(5, error.Offset);
        Assert.Equal("value", error.Field);
    }

    [Fact]
    public void A_tag_mismatch_names_both_tags()
    {
        var bytes = HexText.Bytes("0401AA");
        var error = Assert.Throws<CosemEncodingException>(() => new BerReader(bytes).ReadInteger("answer"));
        Assert.Contains("[UNIVERSAL 2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[UNIVERSAL 4]", error.Message, StringComparison.Ordinal);
    }
}
