using System.IO.Pipelines;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Transport;

public class WrapperTests
{
    // Built from the IEC 62056-47 §5.2 header layout: version 1, client wPort 0x10 (public client), server wPort 0x01,
    // length 13, then a GET-request-normal for Clock 0-0:1.0.0.255 attribute 2 (C0 01 C1 00 08 00 00 01 00 00 FF 02 00).
    private const string GetRequestFrame = "00 01 00 10 00 01 00 0D C0 01 C1 00 08 00 00 01 00 00 FF 02 00";

    [Fact]
    public void Parses_header_and_apdu()
    {
        var bytes = Hex.Bytes(GetRequestFrame);
        Assert.True(WrapperFrame.TryParse(bytes, out var header, out var apdu, out var consumed));
        Assert.Equal(new WrapperHeader(1, 0x10, 0x01, 13), header);
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(bytes[8..], apdu.ToArray());
    }

    [Fact]
    public void Encodes_exactly()
    {
        var bytes = Hex.Bytes(GetRequestFrame);
        var output = new byte[bytes.Length];
        Assert.Equal(bytes.Length, WrapperFrame.Encode(output, 0x10, 0x01, bytes.AsSpan(8)));
        Assert.Equal(bytes, output);
    }

    [Fact]
    public void Incomplete_frames_ask_for_more()
    {
        var bytes = Hex.Bytes(GetRequestFrame);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(WrapperFrame.TryParse(bytes.AsSpan(0, length), out _, out _, out _));
        }
    }

    [Fact]
    public void Wrong_version_and_oversize_are_typed_errors()
    {
        var wrongVersion = Hex.Bytes("00 02 00 10 00 01 00 01 C0");
        Assert.Equal(TransportErrorKind.UnsupportedVersion,
            Assert.Throws<CosemTransportException>(() => WrapperFrame.TryParse(wrongVersion, out _, out _, out _)).Kind);
        var large = Hex.Bytes("00 01 00 10 00 01 10 00");
        Assert.Equal(TransportErrorKind.FrameTooLarge,
            Assert.Throws<CosemTransportException>(() => WrapperFrame.TryParse(large, out _, out _, out _, maxApduLength: 1024)).Kind);
    }

    [Fact]
    public async Task Reassembles_frames_written_one_byte_at_a_time()
    {
        var (clientEnd, serverEnd) = InMemoryDuplexPipe.CreatePair();
        await using var server = WrapperChannel.CreateServer(serverEnd);
        var bytes = Hex.Bytes(GetRequestFrame + GetRequestFrame);
        var writer = Task.Run(async () =>
        {
            foreach (var b in bytes)
            {
                await clientEnd.Output.WriteAsync(new[] { b });
            }
        });
        for (var i = 0; i < 2; i++)
        {
            using var message = await server.ReceiveAsync();
            Assert.Equal(bytes[8..21], message.ToArray());
            Assert.Equal((0x10, 0x01), (message.SourceAddress, message.DestinationAddress));
        }
        await writer;
        await clientEnd.DisposeAsync();
    }

    [Fact]
    public void Header_split_across_segments_is_read()
    {
        var bytes = Hex.Bytes(GetRequestFrame);
        var sequence = SegmentedSequence.Create(bytes[..3], bytes[3..5], bytes[5..]);
        Assert.True(WrapperFrame.TryReadHeader(sequence, out var header));
        Assert.Equal(new WrapperHeader(1, 0x10, 0x01, 13), header);
    }

    [Fact]
    public async Task Server_answers_the_sender_and_client_talks_to_the_server()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var client = WrapperChannel.CreateClient(a, new WrapperOptions { ClientWPort = 0x20, ServerWPort = 0x05 });
        await using var server = WrapperChannel.CreateServer(b);
        await client.SendAsync(new byte[] { 0xC0, 0x01 });
        using (var request = await server.ReceiveAsync())
        {
            Assert.Equal((0x20, 0x05), (request.SourceAddress, request.DestinationAddress));
        }
        await server.SendAsync(new byte[] { 0xC4, 0x01 });
        using var response = await client.ReceiveAsync();
        Assert.Equal((0x05, 0x20), (response.SourceAddress, response.DestinationAddress));
        Assert.Equal(new byte[] { 0xC4, 0x01 }, response.ToArray());
    }

    [Fact]
    public async Task Abrupt_disconnect_mid_frame_is_connection_closed()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = WrapperChannel.CreateServer(b);
        await a.Output.WriteAsync(Hex.Bytes("00 01 00 10 00 01 00 0D C0 01"));
        await a.DisposeAsync();
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await server.ReceiveAsync());
        Assert.Equal(TransportErrorKind.ConnectionClosed, error.Kind);
    }

    [Fact]
    public async Task Wrong_version_on_the_stream_ends_the_channel_with_a_typed_error()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = WrapperChannel.CreateServer(b);
        await a.Output.WriteAsync(Hex.Bytes("00 07 00 10 00 01 00 01 C0"));
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await server.ReceiveAsync());
        Assert.Equal(TransportErrorKind.UnsupportedVersion, error.Kind);
        await a.DisposeAsync();
    }

    [Fact]
    public async Task Text_instead_of_a_header_is_named_as_not_dlms()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var client = WrapperChannel.CreateClient(b);
        await a.Output.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await client.ReceiveAsync());
        Assert.Equal(TransportErrorKind.UnsupportedVersion, error.Kind);
        Assert.Equal("HTTP/1.1 400 Bad Request", error.PeerText);
        Assert.Contains("does not speak DLMS", error.Message);
        await a.DisposeAsync();
    }

    [Fact]
    public void A_binary_wrong_version_has_no_peer_text()
    {
        var wrongVersion = Hex.Bytes("00 02 00 10 00 01 00 01 C0");
        Assert.Null(Assert.Throws<CosemTransportException>(() => WrapperFrame.TryParse(wrongVersion, out _, out _, out _)).PeerText);
    }
}
