using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Codec.Tests.Axdr;

public class BitStringTests
{
    [Fact]
    public void Bits_are_numbered_from_the_most_significant_bit()
    {
        var bits = BitString.Parse("1010000011");
        Assert.Equal(10, bits.Length);
        Assert.Equal(new byte[] { 0xA0, 0xC0 }, bits.Bytes.ToArray());
        Assert.True(bits[0]);
        Assert.False(bits[1]);
        Assert.True(bits[9]);
        Assert.Equal("1010000011", bits.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => bits[10]);
    }

    [Fact]
    public void Encodes_length_in_bits_and_round_trips()
    {
        // bit-string of 10 bits (IEC 62056-6-2 §4.1.5): 04 0A A0 C0
        var bits = BitString.From([true, false, true, false, false, false, false, false, true, true]);
        var buffer = new byte[8];
        var writer = new AxdrWriter(buffer);
        writer.WriteBitString(bits);
        Assert.Equal("040AA0C0", Convert.ToHexString(writer.WrittenSpan));
        var reader = new AxdrReader(writer.WrittenSpan);
        Assert.Equal(bits, reader.ReadBitStringValue());
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Flags_map_bit_n_to_one_shifted_by_n()
    {
        var bits = BitString.FromFlags(0b101, 8);
        Assert.Equal("10100000", bits.ToString());
        Assert.Equal(0b101UL, bits.ToFlags());
        Assert.Throws<ArgumentOutOfRangeException>(() => BitString.FromFlags(0x100, 8));
    }

    [Fact]
    public void Padding_bits_are_kept_and_compared()
    {
        var a = new BitString([0xA1], 3);
        var b = new BitString([0xA0], 3);
        Assert.Equal("101", a.ToString());
        Assert.NotEqual(a, b);
        Assert.Equal(a, new BitString([0xA1], 3));
        Assert.Throws<ArgumentException>(() => new BitString([0xA1, 0x00], 3));
    }

    [Fact]
    public void Empty_and_truncated()
    {
        Assert.Equal(0, BitString.Empty.Length);
        Assert.Equal("", BitString.Empty.ToString());
        Assert.Equal(BitString.Empty, new AxdrReader([0x04, 0x00]).ReadBitStringValue());
        var error = Assert.Throws<CosemEncodingException>(() => new AxdrReader([0x04, 0x10, 0xFF]).ReadBitStringValue());
        Assert.Equal(2, error.Offset); // 16 bits need two bytes from offset 2; one is there
        Assert.Equal("bit-string", error.Field);
    }
}
