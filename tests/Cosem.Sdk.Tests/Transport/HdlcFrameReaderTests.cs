using System.Buffers;
using Cosem.Sdk.Transport.Hdlc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>Frame extraction from received bytes, without any link or I/O around it.</summary>
public class HdlcFrameReaderTests
{
    private static readonly HdlcAddress Server = HdlcAddress.Server(1);
    private static readonly HdlcAddress Client = HdlcAddress.Client(16);

    private static HdlcFrameReader NewReader() => new(NullLogger.Instance, "test");

    private static byte[] IFrame(int ns, params byte[] information) =>
        HdlcFrame.ToArray(Server, Client, HdlcControl.Information(ns, 0, true), false, information);

    private static readonly byte[] Snrm = Hex.Bytes("7E A0 07 03 21 93 0F 01 7E");

    [Fact]
    public void Reads_one_frame_from_a_single_segment_and_stops_at_its_closing_flag()
    {
        var reader = NewReader();
        var buffer = new ReadOnlySequence<byte>(IFrame(0, 1, 2, 3));
        Assert.True(reader.TryRead(ref buffer, false, out var frame));
        Assert.Equal(HdlcFrameKind.Information, frame.Kind);
        Assert.Equal(Server, frame.Destination);
        Assert.Equal(Client, frame.Source);
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.Information.ToArray());
        Assert.Equal(1, buffer.Length); // the closing flag may open the next frame
        Assert.Equal(0, reader.DiscardedFrames);
    }

    [Fact]
    public void Reads_frames_that_share_a_flag_one_after_the_other()
    {
        var first = IFrame(0, 0xAA);
        var second = IFrame(1, 0xBB);
        var joined = first.Concat(second.Skip(1)).ToArray(); // one flag between them
        var reader = NewReader();
        var buffer = new ReadOnlySequence<byte>(joined);
        Assert.True(reader.TryRead(ref buffer, false, out var a));
        Assert.Equal(0, a.SendSequence);
        Assert.True(reader.TryRead(ref buffer, false, out var b));
        Assert.Equal(1, b.SendSequence);
        Assert.Equal(new byte[] { 0xBB }, b.Information.ToArray());
    }

    [Fact]
    public void Reads_a_frame_split_across_segments_anywhere()
    {
        var bytes = IFrame(2, 1, 2, 3, 4, 5, 6, 7, 8);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var reader = NewReader();
            var buffer = SegmentedSequence.Create(bytes[..cut], bytes[cut..]);
            Assert.True(reader.TryRead(ref buffer, false, out var frame), $"cut at {cut}");
            Assert.Equal(2, frame.SendSequence);
            Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, frame.Information.ToArray());
        }
    }

    [Fact]
    public void Reads_a_frame_spread_over_one_byte_segments()
    {
        var bytes = IFrame(3, 9, 8, 7);
        var reader = NewReader();
        var buffer = SegmentedSequence.Create([.. bytes.Select(b => new[] { b })]);
        Assert.True(reader.TryRead(ref buffer, false, out var frame));
        Assert.Equal(new byte[] { 9, 8, 7 }, frame.Information.ToArray());
    }

    [Fact]
    public void Leaves_a_partial_frame_in_the_buffer_until_the_rest_arrives()
    {
        var bytes = IFrame(0, 1, 2, 3);
        var reader = NewReader();
        var buffer = new ReadOnlySequence<byte>(bytes[..6]);
        Assert.False(reader.TryRead(ref buffer, false, out _));
        Assert.Equal(6, buffer.Length);
        Assert.Equal(0, reader.DiscardedFrames);

        var whole = new ReadOnlySequence<byte>(bytes);
        Assert.True(reader.TryRead(ref whole, false, out var frame));
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.Information.ToArray());
    }

    [Fact]
    public void Drops_a_partial_frame_after_the_inter_octet_time_out_and_reads_the_next()
    {
        var partial = IFrame(0, 1, 2, 3)[..6];
        var reader = NewReader();
        var buffer = SegmentedSequence.Create(partial, Snrm);
        Assert.True(reader.TryRead(ref buffer, true, out var frame));
        Assert.Equal(HdlcFrameKind.SetNormalResponseMode, frame.Kind);
        Assert.Equal(1, reader.DiscardedFrames);
    }

    [Fact]
    public void Skips_garbage_before_and_between_frames()
    {
        byte[] garbage = [0x01, 0x02, 0x03];
        var reader = NewReader();
        var buffer = SegmentedSequence.Create(garbage, Snrm, garbage, IFrame(4, 0x55));
        Assert.True(reader.TryRead(ref buffer, false, out var first));
        Assert.Equal(HdlcFrameKind.SetNormalResponseMode, first.Kind);
        Assert.True(reader.TryRead(ref buffer, false, out var second));
        Assert.Equal(HdlcFrameKind.Information, second.Kind);
        Assert.Equal(4, second.SendSequence);
    }

    [Fact]
    public void Consumes_bytes_without_any_flag()
    {
        var reader = NewReader();
        var buffer = new ReadOnlySequence<byte>(new byte[] { 1, 2, 3, 4 });
        Assert.False(reader.TryRead(ref buffer, false, out _));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Drops_a_frame_with_a_bad_hcs_and_counts_it()
    {
        var bad = IFrame(0, 1, 2, 3);
        bad[6] ^= 0xFF; // first HCS byte: after flag, format (2), destination (1), source (1), control (1)
        var reader = NewReader();
        var buffer = SegmentedSequence.Create(bad, Snrm);
        Assert.True(reader.TryRead(ref buffer, false, out var frame));
        Assert.Equal(HdlcFrameKind.SetNormalResponseMode, frame.Kind);
        Assert.Equal(1, reader.DiscardedFrames);
    }

    [Fact]
    public void Drops_a_frame_with_a_bad_fcs_and_counts_it()
    {
        var bad = IFrame(0, 1, 2, 3);
        bad[^2] ^= 0xFF;
        var reader = NewReader();
        var buffer = SegmentedSequence.Create(bad, Snrm);
        Assert.True(reader.TryRead(ref buffer, false, out var frame));
        Assert.Equal(HdlcFrameKind.SetNormalResponseMode, frame.Kind);
        Assert.Equal(1, reader.DiscardedFrames);
    }

    [Fact]
    public void Information_stays_valid_until_the_next_read()
    {
        var reader = NewReader();
        var buffer = SegmentedSequence.Create(IFrame(0, 0x11), IFrame(1, 0x22));
        Assert.True(reader.TryRead(ref buffer, false, out var first));
        var kept = first.Information.ToArray();
        Assert.True(reader.TryRead(ref buffer, false, out _));
        Assert.Equal(new byte[] { 0x11 }, kept);
    }
}
