using System.Buffers;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>Segmentation into windows, acknowledgement and go-back-N, without a link around them.</summary>
public class HdlcSendWindowTests
{
    private sealed class RecordingSink : IHdlcFrameSink
    {
        public List<(byte Control, bool Segmented, byte[] Information)> Frames { get; } = [];

        public void WriteFrame(byte control, bool segmented, ReadOnlySpan<byte> information) =>
            Frames.Add((control, segmented, information.ToArray()));
    }

    private static readonly byte[] Llc = [0xE6, 0xE6, 0x00];

    [Fact]
    public void Cuts_llc_and_apdu_into_a_window_with_poll_on_its_last_frame()
    {
        var window = new HdlcSendWindow(ArrayPool<byte>.Shared);
        window.Reset(maxInformationLength: 4, windowSize: 2);
        var sink = new RecordingSink();
        byte[] apdu = [1, 2, 3, 4, 5, 6, 7];

        var offset = window.WriteWindow(sink, Llc, apdu, 0, receiveState: 3);

        Assert.Equal(8, offset); // two frames of 4 out of 10
        Assert.Equal(2, sink.Frames.Count);
        Assert.Equal(new byte[] { 0xE6, 0xE6, 0x00, 1 }, sink.Frames[0].Information);
        Assert.True(sink.Frames[0].Segmented);
        Assert.False(HdlcControl.IsPollFinal(sink.Frames[0].Control));
        Assert.True(HdlcControl.IsPollFinal(sink.Frames[1].Control));
        Assert.Equal(3, HdlcControl.ReceiveSequenceOf(sink.Frames[1].Control));
        Assert.Equal(2, window.SendState);
        Assert.True(window.HasUnacknowledged);

        Assert.True(window.Acknowledge(2));
        offset = window.WriteWindow(sink, Llc, apdu, offset, 3);
        Assert.Equal(10, offset);
        Assert.Equal(new byte[] { 6, 7 }, sink.Frames[2].Information);
        Assert.False(sink.Frames[2].Segmented);
        Assert.True(HdlcControl.IsPollFinal(sink.Frames[2].Control));
    }

    [Fact]
    public void Ignores_an_acknowledgement_of_a_frame_never_sent()
    {
        var window = new HdlcSendWindow(ArrayPool<byte>.Shared);
        window.Reset(128, 1);
        window.WriteWindow(new RecordingSink(), Llc, [1], 0, 0);
        Assert.False(window.Acknowledge(5));
        Assert.True(window.HasUnacknowledged);
        Assert.True(window.Acknowledge(1));
        Assert.False(window.HasUnacknowledged);
    }

    [Fact]
    public void Retransmits_the_unacknowledged_frames_unchanged_with_poll_on_the_last()
    {
        var window = new HdlcSendWindow(ArrayPool<byte>.Shared);
        window.Reset(4, 3);
        var sent = new RecordingSink();
        window.WriteWindow(sent, Llc, [1, 2, 3, 4, 5, 6, 7, 8, 9], 0, 0);
        Assert.True(window.Acknowledge(1));

        var again = new RecordingSink();
        window.WriteRetransmission(again, 0);

        Assert.Equal(2, again.Frames.Count);
        Assert.Equal(sent.Frames[1].Information, again.Frames[0].Information);
        Assert.Equal(sent.Frames[2].Information, again.Frames[1].Information);
        Assert.Equal(1, HdlcControl.SendSequenceOf(again.Frames[0].Control));
        Assert.True(HdlcControl.IsPollFinal(again.Frames[1].Control));
        window.Release();
    }
}
