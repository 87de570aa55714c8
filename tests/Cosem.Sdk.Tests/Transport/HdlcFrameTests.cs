using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

public class HdlcFrameTests
{
    // Source of the UA/SNRM vectors: a public meter communication log (2019) with a real DLMS meter.
    private const string UaFrame = "7E A0 1E 21 03 73 C3 7A 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E";
    private const string SnrmWithTwoByteValues = "7E A0 20 03 61 93 1B 9F 81 80 14 05 02 00 80 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01 CE 6A 7E";

    [Fact]
    public void Parses_the_classic_snrm()
    {
        // 7E A0 07 03 21 93 0F 01 7E: SNRM, poll, server 1, client 16 (Gurux tests and many public tools).
        var bytes = Hex.Bytes("7E A0 07 03 21 93 0F 01 7E");
        Assert.True(HdlcFrame.TryParse(bytes, out var frame, out var consumed));
        Assert.Equal(9, consumed);
        Assert.Equal(HdlcFrameKind.SetNormalResponseMode, frame.Kind);
        Assert.True(frame.PollFinal);
        Assert.Equal(HdlcAddress.Server(1), frame.Destination);
        Assert.Equal(HdlcAddress.Client(16), frame.Source);
        Assert.False(frame.Segmented);
        Assert.True(frame.Information.IsEmpty);
    }

    [Fact]
    public void Encodes_the_classic_snrm_exactly()
    {
        var bytes = HdlcFrame.ToArray(HdlcAddress.Server(1), HdlcAddress.Client(16), HdlcControl.Unnumbered(HdlcControl.Snrm, true));
        Assert.Equal(Hex.Bytes("7E A0 07 03 21 93 0F 01 7E"), bytes);
    }

    [Fact]
    public void Parses_and_reencodes_a_ua_with_negotiation()
    {
        var bytes = Hex.Bytes(UaFrame);
        Assert.True(HdlcFrame.TryParse(bytes, out var frame, out _));
        Assert.Equal(HdlcFrameKind.UnnumberedAcknowledge, frame.Kind);
        Assert.Equal(HdlcAddress.Client(16), frame.Destination);
        Assert.Equal(HdlcAddress.Server(1), frame.Source);
        Assert.True(HdlcParameters.TryParse(frame.Information, out var parameters));
        Assert.Equal(new HdlcParameters(128, 128, 1, 1), parameters);

        var information = new byte[parameters.EncodedLength];
        parameters.Encode(information);
        Assert.Equal(bytes, HdlcFrame.ToArray(frame.Destination, frame.Source, frame.Control, false, information));
    }

    [Fact]
    public void Parses_a_snrm_with_two_byte_values_and_reencodes_it()
    {
        var bytes = Hex.Bytes(SnrmWithTwoByteValues);
        Assert.True(HdlcFrame.TryParse(bytes, out var frame, out _));
        Assert.Equal(HdlcAddress.Client(48), frame.Source);
        Assert.True(HdlcParameters.TryParse(frame.Information, out var parameters));
        Assert.Equal(new HdlcParameters(128, 128, 1, 1), parameters);
        Assert.Equal(frame.Information.Length, frame.FrameLength - 2 - 1 - 1 - 1 - 2 - 2);
    }

    [Fact]
    public void Parses_a_four_byte_server_address()
    {
        // 7E A0 0A 00 02 00 23 F1 93 23 2E 7E: SNRM to logical 1 / physical 17 from client 120 (public DLMS example).
        Assert.True(HdlcFrame.TryParse(Hex.Bytes("7E A0 0A 00 02 00 23 F1 93 23 2E 7E"), out var frame, out _));
        Assert.Equal(HdlcAddress.Server(1, 17, 4), frame.Destination);
        Assert.Equal(HdlcAddress.Client(120), frame.Source);
        Assert.Equal(HdlcFrameKind.SetNormalResponseMode, frame.Kind);
    }

    [Fact]
    public void I_frame_round_trip_with_segmentation_and_sequence_numbers()
    {
        var control = HdlcControl.Information(sendSequence: 5, receiveSequence: 3, pollFinal: false);
        var bytes = HdlcFrame.ToArray(HdlcAddress.Server(1, 256, 4), HdlcAddress.Client(1), control, segmented: true, [0xE6, 0xE6, 0x00, 0xC0, 0x01]);
        Assert.Equal(0xA8, bytes[1] & 0xF8); // format type 3 with the segmentation bit
        Assert.True(HdlcFrame.TryParse(bytes, out var frame, out _));
        Assert.Equal((HdlcFrameKind.Information, 5, 3, false, true), (frame.Kind, frame.SendSequence, frame.ReceiveSequence, frame.PollFinal, frame.Segmented));
        Assert.Equal(new byte[] { 0xE6, 0xE6, 0x00, 0xC0, 0x01 }, frame.Information.ToArray());
    }

    [Theory]
    [InlineData(0x11, HdlcFrameKind.ReceiveReady)]
    [InlineData(0x35, HdlcFrameKind.ReceiveNotReady)]
    [InlineData(0x53, HdlcFrameKind.Disconnect)]
    [InlineData(0x73, HdlcFrameKind.UnnumberedAcknowledge)]
    [InlineData(0x1F, HdlcFrameKind.DisconnectedMode)]
    [InlineData(0x97, HdlcFrameKind.FrameReject)]
    [InlineData(0x13, HdlcFrameKind.UnnumberedInformation)]
    [InlineData(0xFF, HdlcFrameKind.Unknown)]
    public void Control_bytes_name_their_frame_types(byte control, HdlcFrameKind kind)
    {
        Assert.Equal(kind, HdlcControl.KindOf(control));
    }

    [Fact]
    public void Truncated_frames_ask_for_more()
    {
        var bytes = Hex.Bytes(UaFrame);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(HdlcDecodeStatus.Incomplete, HdlcFrame.Decode(bytes.AsSpan(0, length), out _, out _));
        }
    }

    [Fact]
    public void Corruption_is_classified()
    {
        var bytes = Hex.Bytes(UaFrame);
        bytes[^4] ^= 0xFF; // inside the information field
        Assert.Equal(HdlcDecodeStatus.BadFrameCheck, HdlcFrame.Decode(bytes, out _, out _));

        bytes = Hex.Bytes(UaFrame);
        bytes[5] ^= 0x20; // control byte, covered by the HCS
        Assert.Equal(HdlcDecodeStatus.BadHeaderCheck, HdlcFrame.Decode(bytes.AsSpan(0, 12), out _, out _));

        bytes = Hex.Bytes(UaFrame);
        bytes[^1] = 0x00;
        Assert.Equal(HdlcDecodeStatus.MissingClosingFlag, HdlcFrame.Decode(bytes, out _, out _));

        Assert.Equal(HdlcDecodeStatus.BadFormat, HdlcFrame.Decode(Hex.Bytes("7E B0 07 03 21 93 0F 01 7E"), out _, out _));
        Assert.Equal(HdlcDecodeStatus.BadFormat, HdlcFrame.Decode(Hex.Bytes("21 A0 07"), out _, out _));
    }

    [Fact]
    public void TryParse_throws_a_typed_error_for_a_bad_frame()
    {
        var bytes = Hex.Bytes("7E A0 07 03 21 93 0F 02 7E");
        var error = Assert.Throws<CosemTransportException>(() => HdlcFrame.TryParse(bytes, out _, out _));
        Assert.Equal(TransportErrorKind.InvalidFrame, error.Kind);
    }
}
