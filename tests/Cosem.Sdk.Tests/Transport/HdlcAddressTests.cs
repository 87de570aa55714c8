using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

public class HdlcAddressTests
{
    [Theory]
    [InlineData(16, "21")] // public client (IEC 62056-46 §6.4.2.2: address << 1 | 1)
    [InlineData(1, "03")]
    [InlineData(0x7F, "FF")]
    public void One_byte_addresses(int value, string hex)
    {
        var address = HdlcAddress.Client(value);
        Span<byte> buffer = stackalloc byte[4];
        Assert.Equal(1, address.Write(buffer));
        Assert.Equal(hex, Convert.ToHexString(buffer[..1]));
        Assert.True(HdlcAddress.TryRead(buffer, out var read, out var length));
        Assert.Equal((address, 1), (read, length));
    }

    [Fact]
    public void Two_byte_server_address_has_seven_bit_parts()
    {
        var address = HdlcAddress.Server(1, 17, 2);
        var buffer = new byte[2];
        address.Write(buffer);
        Assert.Equal("0223", Convert.ToHexString(buffer));
        Assert.True(HdlcAddress.TryRead(buffer, out var read, out _));
        Assert.Equal((1, 17, 2), (read.Upper, read.Lower, read.Size));
    }

    [Fact]
    public void Four_byte_server_address_has_fourteen_bit_parts()
    {
        // Logical 1, physical 17: 00 02 00 23 (public DLMS SNRM example 7E A0 0A 00 02 00 23 F1 93 23 2E 7E).
        var buffer = new byte[4];
        HdlcAddress.Server(1, 17, 4).Write(buffer);
        Assert.Equal("00020023", Convert.ToHexString(buffer));

        // Large values use both bytes of each part: 0x3FFF is the all-station address.
        HdlcAddress.Server(0x1234, 0x3FFF, 4).Write(buffer);
        Assert.True(HdlcAddress.TryRead(buffer, out var read, out var length));
        Assert.Equal((0x1234, 0x3FFF, 4, 4), (read.Upper, read.Lower, read.Size, length));
        Assert.Equal(0, buffer[0] & 1 | buffer[1] & 1 | buffer[2] & 1);
    }

    [Fact]
    public void Automatic_size_picks_the_shortest_form()
    {
        Assert.Equal(2, HdlcAddress.Server(1, 0x7F).Size);
        Assert.Equal(4, HdlcAddress.Server(1, 0x80).Size);
    }

    [Theory]
    [InlineData("00 02 03")]    // three bytes: not a valid length
    [InlineData("00 02 00 02 00")] // no terminator within four bytes
    [InlineData("02")]          // no terminator at all
    public void Invalid_encodings_are_refused(string hex)
    {
        Assert.False(HdlcAddress.TryRead(Hex.Bytes(hex), out _, out _));
    }

    [Fact]
    public void Out_of_range_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HdlcAddress.Client(0x80));
        Assert.Throws<ArgumentOutOfRangeException>(() => HdlcAddress.Server(0x4000, 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => HdlcAddress.Server(1, 1, 3));
    }
}
