using Cosem.Sdk.Apdu;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class GeneralBlockTransferTests
{
    [Fact]
    public void Last_block_carrying_a_whole_get_request()
    {
        // Own vector: last block, window 1, block 1, nothing acknowledged, block data = the Green Book clock GET.
        var apdu = Check<GeneralBlockTransfer>("E0 81 00 01 00 00 0D C0 01 C1 00 08 00 00 01 00 00 FF 02 00");
        Assert.True(apdu.LastBlock);
        Assert.False(apdu.Streaming);
        Assert.Equal(1, apdu.Window);
        Assert.Equal(1, apdu.BlockNumber);
        Assert.Equal(0, apdu.BlockNumberAck);
        Assert.IsType<GetRequestNormal>(ApduDecoder.DecodeXdlms(apdu.BlockData));
    }

    [Fact]
    public void Streaming_block_with_window()
    {
        // Own vector: streaming, window 63, block 2 acknowledging block 1.
        var apdu = Encodes(new GeneralBlockTransfer(false, true, 63, 2, 1, Hex("AA BB CC")), "E0 7F 00 02 00 01 03 AA BB CC");
        Assert.Equal(0x7F, apdu.BlockControl);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneralBlockTransfer(false, false, 64, 0, 0, default));
    }

    [Fact]
    public void Fields_read_in_place_match_the_decoded_apdu()
    {
        // The in-place reader the block transfer loops use must see what the APDU decoder sees.
        var bytes = Hex("E0 7F 00 02 00 01 03 AA BB CC");
        var fields = GeneralBlockTransferFields.Read(bytes);
        var decoded = Assert.IsType<GeneralBlockTransfer>(ApduDecoder.DecodeXdlms(bytes));
        Assert.Equal(decoded.BlockControl, fields.BlockControl);
        Assert.Equal((decoded.LastBlock, decoded.Streaming, decoded.Window), (fields.LastBlock, fields.Streaming, fields.Window));
        Assert.Equal((decoded.BlockNumber, decoded.BlockNumberAck), (fields.BlockNumber, fields.BlockNumberAck));
        Assert.Equal("AABBCC", Convert.ToHexString(fields.BlockData.Span));
        Assert.True(bytes.AsMemory(7, 3).Span.Overlaps(fields.BlockData.Span), "block-data is a slice of the bytes read, not a copy");
    }

    [Theory]
    [InlineData("", "apdu tag")]
    [InlineData("C0 01 C1 00 08", "apdu tag")]
    [InlineData("E0 81 00 01", "block-number-ack")]
    [InlineData("E0 81 00 01 00 00 04 AA BB", "block-data")]
    [InlineData("E0 81 00 01 00 00 01 AA BB", "end of apdu")]
    public void Malformed_blocks_name_the_field_that_failed(string hex, string field)
    {
        var error = Assert.Throws<CosemEncodingException>(() => GeneralBlockTransferFields.Read(Hex(hex)));
        Assert.Contains(field, error.Field ?? error.Message, StringComparison.Ordinal);
    }
}
