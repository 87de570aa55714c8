using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>
/// The boundaries of <see cref="WrapperFrame"/> (IEC 62056-47 §5.2): the APDU length limit exactly at and one beyond,
/// a frame exactly complete and one byte short, a header split so its first segment is short, and how much of a
/// text answer is recognised as the peer's words. Written for mutation testing (docs/mutation-testing.md).
/// </summary>
public class WrapperFrameEdgeTests
{
    private static byte[] Frame(ushort version, int apduLength, byte fill = 0xC0)
    {
        var bytes = new byte[WrapperHeader.Size + apduLength];
        new WrapperHeader(version, 0x10, 0x01, (ushort)apduLength).Write(bytes);
        bytes.AsSpan(WrapperHeader.Size).Fill(fill);
        return bytes;
    }

    [Fact]
    public void An_apdu_of_exactly_the_limit_is_accepted_and_one_more_is_refused()
    {
        Assert.True(WrapperFrame.TryParse(Frame(1, 16), out var header, out var apdu, out int consumed, maxApduLength: 16));
        Assert.Equal(16, header.Length);
        Assert.Equal(16, apdu.Length);
        Assert.Equal(24, consumed);

        var error = Assert.Throws<CosemTransportException>(() => WrapperFrame.TryParse(Frame(1, 17), out _, out _, out _, maxApduLength: 16));
        Assert.Equal(TransportErrorKind.FrameTooLarge, error.Kind);
        Assert.Contains("announces 17 APDU bytes; the limit is 16.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_is_checked_from_the_header_before_the_apdu_arrives()
    {
        var headerOnly = Frame(1, 17).AsSpan(0, WrapperHeader.Size).ToArray();
        Assert.Throws<CosemTransportException>(() => WrapperFrame.TryParse(headerOnly, out _, out _, out _, maxApduLength: 16));
        Assert.Throws<CosemTransportException>(() => WrapperFrame.TryReadHeader(new System.Buffers.ReadOnlySequence<byte>(headerOnly), out _, maxApduLength: 16));
        Assert.True(WrapperFrame.TryReadHeader(new System.Buffers.ReadOnlySequence<byte>(headerOnly), out var header, maxApduLength: 17));
        Assert.Equal(17, header.Length);
    }

    [Fact]
    public void A_frame_is_complete_at_exactly_its_length_and_leaves_what_follows()
    {
        var two = Frame(1, 3).Concat(Frame(1, 1, 0xAA)).ToArray();
        Assert.False(WrapperFrame.TryParse(two.AsSpan(0, 10), out _, out var none, out int nothing));
        Assert.True(none.IsEmpty);
        Assert.Equal(0, nothing);
        Assert.True(WrapperFrame.TryParse(two.AsSpan(0, 11), out _, out var apdu, out int consumed));
        Assert.Equal(11, consumed);
        Assert.Equal(new byte[] { 0xC0, 0xC0, 0xC0 }, apdu.ToArray());
        Assert.True(WrapperFrame.TryParse(two, out _, out apdu, out consumed));
        Assert.Equal(11, consumed);
        Assert.True(WrapperFrame.TryParse(two.AsSpan(consumed), out _, out apdu, out _));
        Assert.Equal(new byte[] { 0xAA }, apdu.ToArray());
    }

    [Fact]
    public void An_empty_apdu_is_a_whole_frame()
    {
        Assert.True(WrapperFrame.TryParse(Frame(1, 0), out var header, out var apdu, out int consumed));
        Assert.Equal(0, header.Length);
        Assert.True(apdu.IsEmpty);
        Assert.Equal(WrapperHeader.Size, consumed);
    }

    [Fact]
    public void Encoding_accepts_the_largest_apdu_and_refuses_one_more_byte()
    {
        var largest = new byte[WrapperFrame.MaxApduLength];
        var destination = new byte[WrapperHeader.Size + largest.Length + 1];
        Assert.Equal(WrapperHeader.Size + WrapperFrame.MaxApduLength, WrapperFrame.Encode(destination, 1, 2, largest));
        Assert.Equal(new WrapperHeader(1, 1, 2, ushort.MaxValue), WrapperHeader.Read(destination));

        var error = Assert.Throws<CosemTransportException>(() => WrapperFrame.Encode(destination, 1, 2, new byte[WrapperFrame.MaxApduLength + 1]));
        Assert.Equal(TransportErrorKind.FrameTooLarge, error.Kind);
        Assert.Contains("An APDU of 65536 bytes does not fit a wrapper frame (at most 65535).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seven_bytes_are_not_yet_a_header_in_one_segment_or_several()
    {
        var frame = Frame(1, 2);
        Assert.False(WrapperFrame.TryParse(frame.AsSpan(0, 7), out var header, out _, out _));
        Assert.Equal(default, header);
        Assert.False(WrapperFrame.TryReadHeader(SegmentedSequence.Create(frame[..3], frame[3..7]), out header));
        Assert.Equal(default, header);
        Assert.True(WrapperFrame.TryReadHeader(SegmentedSequence.Create(frame[..7], frame[7..]), out header));
        Assert.Equal(new WrapperHeader(1, 0x10, 0x01, 2), header);
        Assert.True(WrapperFrame.TryReadHeader(SegmentedSequence.Create(frame[..8], frame[8..]), out header));
        Assert.Equal(2, header.Length);
    }

    [Fact]
    public void A_wrong_version_names_itself_in_hex()
    {
        var error = Assert.Throws<CosemTransportException>(() => WrapperFrame.TryParse(Frame(0x0102, 1), out _, out _, out _));
        Assert.Equal(TransportErrorKind.UnsupportedVersion, error.Kind);
        Assert.Contains("Wrapper version 0x0102 is not supported", error.Message, StringComparison.Ordinal);
        Assert.Null(error.PeerText);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nServer: x", "HTTP/1.1 400 Bad Request")]
    [InlineData("SSH-2.0-OpenSSH_9.6\nmore", "SSH-2.0-OpenSSH_9.6")]
    [InlineData("12345678", "12345678")] // exactly a header's length of text
    [InlineData(" ~~~~~~~", " ~~~~~~~")] // 0x20 and 0x7E are printable
    public void A_text_answer_is_named_as_the_peer_text(string sent, string expected)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(sent);
        var error = Assert.Throws<CosemTransportException>(() => WrapperFrame.TryReadHeader(new System.Buffers.ReadOnlySequence<byte>(bytes), out _));
        Assert.Equal(TransportErrorKind.UnsupportedVersion, error.Kind);
        Assert.Equal(expected, error.PeerText);
        Assert.Contains($"it sent '{expected}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234567\r\nabcdefgh")] // the first line is shorter than a header
    [InlineData("ABCD\u007FEFGH")] // DEL is not printable
    [InlineData("ABCD\u001FEFGH")] // nor is a control character
    public void Binary_or_short_lines_are_not_peer_text(string sent)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(sent);
        var error = Assert.Throws<CosemTransportException>(() => WrapperFrame.TryReadHeader(new System.Buffers.ReadOnlySequence<byte>(bytes), out _));
        Assert.Null(error.PeerText);
        Assert.Contains("is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_text_answer_is_cut_at_eighty_characters()
    {
        var sent = new string('A', 100);
        var error = Assert.Throws<CosemTransportException>(() => WrapperFrame.TryReadHeader(
            SegmentedSequence.Create(System.Text.Encoding.ASCII.GetBytes(sent[..5]), System.Text.Encoding.ASCII.GetBytes(sent[5..])), out _));
        Assert.Equal(new string('A', 80), error.PeerText);
    }

    [Fact]
    public void Write_puts_the_header_and_an_apdu_larger_than_the_header_into_a_buffer_writer()
    {
        var apdu = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var output = new System.Buffers.ArrayBufferWriter<byte>(1);
        WrapperFrame.Write(output, 0x10, 0x01, apdu);
        Assert.Equal(WrapperHeader.Size + 300, output.WrittenCount);
        Assert.Equal(new WrapperHeader(1, 0x10, 0x01, 300), WrapperHeader.Read(output.WrittenSpan));
        Assert.Equal(apdu, output.WrittenSpan[WrapperHeader.Size..].ToArray());
    }

    [Fact]
    public void A_valid_header_is_read_without_copying_what_arrived()
    {
        // The bytes are copied (for the peer's text) only on the error path: a connection reads a header per frame.
        var frame = Frame(1, 2);
        var whole = new System.Buffers.ReadOnlySequence<byte>(frame);
        var split = SegmentedSequence.Create(frame[..3], frame[3..]);
        Assert.True(WrapperFrame.TryReadHeader(whole, out _));
        Assert.True(WrapperFrame.TryReadHeader(split, out _));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            WrapperFrame.TryReadHeader(whole, out _);
            WrapperFrame.TryReadHeader(split, out _);
        }
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 256);
    }
}
