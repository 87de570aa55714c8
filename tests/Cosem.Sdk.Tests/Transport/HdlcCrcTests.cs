using System.Text;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

public class HdlcCrcTests
{
    [Fact]
    public void Check_value_of_the_crc_catalogue()
    {
        // CRC-16/X-25 (= CRC-16/IBM-SDLC), RFC 1662 FCS-16: check value over "123456789" is 0x906E
        // (Greg Cook's CRC catalogue, "CRC-16/IBM-SDLC").
        Assert.Equal(0x906E, HdlcCrc.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Theory]
    // SNRM from client 16 to server 1, no information field: FCS 0F 01 (the frame quoted by Gurux tests and many
    // public DLMS tools: 7E A0 07 03 21 93 0F 01 7E).
    [InlineData("A0 07 03 21 93", "0F 01")]
    // DISC 7E A0 07 03 21 53 03 C7 7E (public meter communication log, 2019).
    [InlineData("A0 07 03 21 53", "03 C7")]
    // UA header 7E A0 1E 21 03 73 C3 7A ... (same log): HCS C3 7A.
    [InlineData("A0 1E 21 03 73", "C3 7A")]
    // SNRM with a 4-byte server address (logical 1, physical 17) from client 120: 7E A0 0A 00 02 00 23 F1 93 23 2E 7E
    // (public DLMS HDLC example in a C implementation's comments).
    [InlineData("A0 0A 00 02 00 23 F1 93", "23 2E")]
    public void Matches_published_frames(string covered, string check)
    {
        Assert.True(HdlcCrc.IsValid(Hex.Bytes(covered), Hex.Bytes(check)));
    }

    [Fact]
    public void A_flipped_bit_is_detected()
    {
        var covered = Hex.Bytes("A0 07 03 21 93");
        covered[3] ^= 0x01;
        Assert.False(HdlcCrc.IsValid(covered, Hex.Bytes("0F 01")));
    }
}
