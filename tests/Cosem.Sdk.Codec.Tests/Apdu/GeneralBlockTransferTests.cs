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
}
