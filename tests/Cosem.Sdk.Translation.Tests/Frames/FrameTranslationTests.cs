using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Frames;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Translation.Tests.Frames;

public class FrameTranslationTests
{
    private static readonly PduTranslator Translator = new(StandardFrameCodecs.All);

    // DLMS UA Green Book, GET-Request-Normal for the clock's time attribute.
    private static readonly byte[] GetClockTime = Convert.FromHexString("C001C100080000010000FF0200");

    [Fact]
    public void Snrm_frame_round_trips()
    {
        // The SNRM from client 16 to server 1 without parameters, as quoted in public DLMS logs and tests.
        var snrm = Convert.FromHexString("7EA0070321930F017E");
        var xml = Translator.ToXml(snrm);
        Assert.Contains("SetNormalResponseMode", xml, StringComparison.Ordinal);
        Assert.Equal(snrm, Translator.FromXml(xml));
    }

    [Fact]
    public void Hdlc_information_frame_shows_llc_and_apdu_and_round_trips()
    {
        var frame = HdlcFrame.ToArray(HdlcAddress.Server(1, 17), HdlcAddress.Client(16), control: 0x10, information: [0xE6, 0xE6, 0x00, .. GetClockTime]);
        var xml = Translator.ToXml(frame);
        Assert.Contains("Llc=\"E6E600\"", xml, StringComparison.Ordinal);
        Assert.Contains("0.0.1.0.0.255", xml, StringComparison.Ordinal);
        Assert.Equal(frame, Translator.FromXml(xml));
    }

    [Fact]
    public void Editing_the_apdu_recomputes_length_and_check_sequences()
    {
        var frame = HdlcFrame.ToArray(HdlcAddress.Server(1), HdlcAddress.Client(16), control: 0x10, information: [0xE6, 0xE6, 0x00, .. GetClockTime]);
        var xml = Translator.ToXml(frame).Replace("Value=\"2\"", "Value=\"3\"", StringComparison.Ordinal);
        var edited = Translator.FromXml(xml);
        Assert.True(HdlcFrame.TryParse(edited, out var parsed, out int consumed));
        Assert.Equal(edited.Length, consumed);
        Assert.Equal(3, parsed.Information[^2]);
    }

    [Fact]
    public void Wrapper_frame_round_trips_and_recomputes_length()
    {
        byte[] frame = [0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, (byte)GetClockTime.Length, .. GetClockTime];
        var xml = Translator.ToXml(frame);
        Assert.Contains("<WrapperFrame", xml, StringComparison.Ordinal);
        Assert.Equal(frame, Translator.FromXml(xml));
        Assert.Equal(frame, Translator.FromJson(Translator.ToJson(frame)));
    }

    [Fact]
    public void Partial_or_corrupted_frames_are_not_taken_for_frames()
    {
        var frame = HdlcFrame.ToArray(HdlcAddress.Server(1), HdlcAddress.Client(16), control: 0x10, information: [0xE6, 0xE6, 0x00, .. GetClockTime]);
        frame[^3] ^= 0xFF; // break the FCS
        Assert.False(HdlcFrameCodec.Instance.TryUnwrap(frame, out _));
        Assert.False(WrapperFrameCodec.Instance.TryUnwrap([0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x05, 0xC0], out _));
    }
}
