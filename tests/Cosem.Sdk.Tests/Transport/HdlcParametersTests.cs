using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

public class HdlcParametersTests
{
    [Fact]
    public void Encodes_like_the_green_book_example()
    {
        // Green Book / IEC 62056-46 negotiation field: 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01
        // (the same bytes appear in the UA of the public meter log used in HdlcFrameTests).
        var buffer = new byte[HdlcParameters.Default.EncodedLength];
        HdlcParameters.Default.Encode(buffer);
        Assert.Equal(Hex.Bytes("81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01"), buffer);
    }

    [Fact]
    public void Lengths_above_255_take_two_bytes()
    {
        var parameters = new HdlcParameters(1024, 512, 7, 3);
        var buffer = new byte[parameters.EncodedLength];
        parameters.Encode(buffer);
        Assert.Equal(Hex.Bytes("81 80 14 05 02 04 00 06 02 02 00 07 04 00 00 00 07 08 04 00 00 00 03"), buffer);
        Assert.True(HdlcParameters.TryParse(buffer, out var read));
        Assert.Equal(parameters, read);
    }

    [Theory]
    [InlineData("", 128, 128, 1, 1)]
    [InlineData("81 80 03 07 01 04", 128, 128, 4, 1)]                 // one-byte window, others missing
    [InlineData("81 80 0A 08 02 00 02 05 04 00 00 01 00", 256, 128, 1, 2)] // any order, any width
    [InlineData("81 80 05 09 01 01 06 00", 128, 128, 1, 1)]          // unknown id and empty value skipped
    public void Reads_liberally(string hex, int tx, int rx, int txWindow, int rxWindow)
    {
        Assert.True(HdlcParameters.TryParse(Hex.Bytes(hex), out var read));
        Assert.Equal(new HdlcParameters(tx, rx, txWindow, rxWindow), read);
    }

    [Theory]
    [InlineData("82 80 00")]
    [InlineData("81 80 09 05 01 80")]
    [InlineData("81 80 03 05 05 80")]
    public void Refuses_broken_structure(string hex)
    {
        Assert.False(HdlcParameters.TryParse(Hex.Bytes(hex), out _));
    }
}
