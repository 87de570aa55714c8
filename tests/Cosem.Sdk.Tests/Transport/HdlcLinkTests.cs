using System.Buffers;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Transport;

public class HdlcLinkTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    private static HdlcClientOptions Client(int maxInfo = 128, int window = 1, TimeSpan? responseTimeout = null) => new()
    {
        ClientAddress = HdlcAddress.Client(16),
        ServerAddress = HdlcAddress.Server(1, 17, 2),
        Parameters = new HdlcParameters(maxInfo, maxInfo, window, window),
        ResponseTimeout = responseTimeout ?? TimeSpan.FromSeconds(5),
    };

    private static HdlcServerOptions Server(int maxInfo = 128, int window = 1) => new()
    {
        Parameters = new HdlcParameters(maxInfo, maxInfo, window, window),
        InactivityTimeout = TimeSpan.FromSeconds(30),
    };

    private static byte[] Apdu(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Server loop: echoes every APDU reversed until the client disconnects.</summary>
    private static async Task<int> EchoReversedAsync(HdlcServerLink server)
    {
        var served = 0;
        try
        {
            while (true)
            {
                using var request = await server.ReceiveAsync();
                var answer = request.ToArray();
                Array.Reverse(answer);
                await server.SendAsync(answer);
                served++;
            }
        }
        catch (CosemTransportException ex) when (ex.Kind is TransportErrorKind.Disconnected or TransportErrorKind.ConnectionClosed)
        {
            return served;
        }
    }

    private static async Task ExchangeAsync(HdlcClientLink client, int length, int seed)
    {
        var request = Apdu(length, seed);
        await client.SendAsync(request);
        using var response = await client.ReceiveAsync();
        Array.Reverse(request);
        Assert.Equal(request, response.ToArray());
    }

    [Fact]
    public async Task Snrm_ua_negotiates_the_smaller_values()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { Parameters = new HdlcParameters(128, 1024, 3, 2) });
        var serverTask = EchoReversedAsync(server);
        var client = await HdlcClientLink.ConnectAsync(a, new HdlcClientOptions { Parameters = new HdlcParameters(256, 512, 7, 7) });
        Assert.Equal(new HdlcParameters(256, 128, 2, 3), client.Negotiated);
        Assert.Equal(client.Negotiated.Mirror(), server.Negotiated);
        Assert.Equal(HdlcAddress.Server(1), server.LocalAddress);
        Assert.Equal(HdlcAddress.Client(16), server.RemoteAddress);
        await client.DisposeAsync();
        Assert.Equal(0, await serverTask.WaitAsync(TestTimeout));
    }

    [Theory]
    [InlineData(32, 1, 10)]
    [InlineData(32, 3, 1000)]
    [InlineData(48, 7, 3000)]
    [InlineData(128, 1, 1000)]
    [InlineData(2030, 1, 10_000)]
    public async Task Segments_long_apdus_in_both_directions(int maxInfo, int window, int length)
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, Server(maxInfo, window));
        var serverTask = EchoReversedAsync(server);
        await using (var client = await HdlcClientLink.ConnectAsync(a, Client(maxInfo, window)))
        {
            for (var i = 0; i < 5; i++)
            {
                await ExchangeAsync(client, length + i, i).WaitAsync(TestTimeout);
            }
        }
        Assert.Equal(5, await serverTask.WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task Frames_are_exact_on_the_wire()
    {
        var frames = new List<(bool ToServer, byte[] Frame)>();
        await using var relay = new HdlcRelay((toServer, _, frame) =>
        {
            lock (frames)
            {
                frames.Add((toServer, frame));
            }
            return frame;
        });
        await using var server = new HdlcServerLink(relay.ServerEnd, Server());
        var serverTask = EchoReversedAsync(server);
        var client = await HdlcClientLink.ConnectAsync(relay.ClientEnd, new HdlcClientOptions { AlwaysNegotiate = false });
        await ExchangeAsync(client, 2, 1);
        await client.DisposeAsync();
        await serverTask.WaitAsync(TestTimeout);
        lock (frames)
        {
            // SNRM without negotiation field, as in the classic capture.
            Assert.Equal(Hex.Bytes("7E A0 07 03 21 93 0F 01 7E"), frames[0].Frame);
            // UA with the default parameters: the frame of the public meter log.
            Assert.Equal(Hex.Bytes("7E A0 1E 21 03 73 C3 7A 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E"), frames[1].Frame);
            // First I-frame: N(S)=0 N(R)=0 P=1, LLC E6 E6 00 (IEC 62056-46 §6.5).
            Assert.True(HdlcFrame.TryParse(frames[2].Frame, out var request, out _));
            Assert.Equal(0x10, request.Control);
            Assert.Equal(new byte[] { 0xE6, 0xE6, 0x00 }, request.Information[..3].ToArray());
            Assert.True(HdlcFrame.TryParse(frames[3].Frame, out var response, out _));
            Assert.Equal(0x30, response.Control); // N(R)=1, F=1, N(S)=0
            Assert.Equal(new byte[] { 0xE6, 0xE7, 0x00 }, response.Information[..3].ToArray());
            // DISC from the classic capture.
            Assert.Equal(Hex.Bytes("7E A0 07 03 21 53 03 C7 7E"), frames[4].Frame);
        }
    }

    [Fact]
    public async Task Garbage_and_corrupted_frames_are_skipped_and_counted()
    {
        var garbage = Hex.Bytes("00 FF 7E 7E 12 A0 7E A0 07");
        await using var relay = new HdlcRelay((_, index, frame) =>
        {
            var corrupted = (byte[])frame.Clone();
            corrupted[^2] ^= 0x55; // wrong FCS
            return [.. garbage, .. corrupted, .. garbage, .. frame, 0x7E, 0x7E];
        });
        await using var server = new HdlcServerLink(relay.ServerEnd, Server(32, 2));
        var serverTask = EchoReversedAsync(server);
        var client = await HdlcClientLink.ConnectAsync(relay.ClientEnd, Client(32, 2));
        for (var i = 0; i < 3; i++)
        {
            await ExchangeAsync(client, 200, i).WaitAsync(TestTimeout);
        }
        // Deterministic: the relay forwards whole frames and the exchange is a fixed frame sequence. Each relayed frame
        // costs 7 drops as the reader resynchronises through the garbage and the corrupted copy (bytes before the first
        // flag are not counted); 31 frames reach the client before it disconnects, 32 (with the DISC) reach the server.
        Assert.Equal(216, client.DiscardedFrames);
        await client.DisposeAsync();
        Assert.Equal(3, await serverTask.WaitAsync(TestTimeout));
        Assert.Equal(223, server.DiscardedFrames);
    }

    [Theory]
    [InlineData(false, 3)] // a server I-frame in the middle of a segmented answer
    [InlineData(true, 4)]  // a client I-frame in the middle of a segmented request
    [InlineData(false, 9)] // the last frame of an answer
    public async Task Lost_frames_are_recovered_by_polling_and_retransmission(bool towardsServer, int lostIndex)
    {
        var dropped = 0;
        await using var relay = new HdlcRelay((toServer, index, frame) =>
        {
            if (toServer == towardsServer && index == lostIndex && Interlocked.Exchange(ref dropped, 1) == 0)
            {
                return [];
            }
            return frame;
        });
        await using var server = new HdlcServerLink(relay.ServerEnd, Server(32, 3));
        var serverTask = EchoReversedAsync(server);
        var client = await HdlcClientLink.ConnectAsync(relay.ClientEnd, Client(32, 3, TimeSpan.FromMilliseconds(300)));
        for (var i = 0; i < 3; i++)
        {
            await ExchangeAsync(client, 150, i).WaitAsync(TestTimeout);
        }
        Assert.Equal(1, dropped);
        await client.DisposeAsync();
        Assert.Equal(3, await serverTask.WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task Server_refusal_is_a_typed_error()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { AcceptConnection = (_, client) => client.Upper == 1 });
        var serverTask = Task.Run(async () => await server.ReceiveAsync());
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await HdlcClientLink.ConnectAsync(a,
            new HdlcClientOptions { ResponseTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 }));
        Assert.Equal(TransportErrorKind.Timeout, error.Kind); // an address not served is silently ignored
        await server.DisposeAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => serverTask);
    }

    [Fact]
    public async Task Unreadable_negotiation_is_answered_with_dm()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b);
        var serverTask = Task.Run(async () => await server.ReceiveAsync());
        var snrm = HdlcFrame.ToArray(HdlcAddress.Server(1), HdlcAddress.Client(16), 0x93, false, Hex.Bytes("81 80 09 05 01"));
        await a.Output.WriteAsync(snrm);
        var result = await a.Input.ReadAsync().AsTask().WaitAsync(TestTimeout);
        var bytes = result.Buffer.ToArray();
        a.Input.AdvanceTo(result.Buffer.End);
        Assert.True(HdlcFrame.TryParse(bytes, out var answer, out _));
        Assert.Equal(HdlcFrameKind.DisconnectedMode, answer.Kind);
        Assert.False(server.IsConnected);
        await a.DisposeAsync();
        await Assert.ThrowsAsync<CosemTransportException>(() => serverTask);
    }

    [Fact]
    public async Task Frames_for_other_addresses_are_ignored_and_i_frames_before_snrm_get_dm()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { AcceptConnection = (address, _) => address.Upper == 1 });
        var serverTask = EchoReversedAsync(server);
        // An I-frame to logical device 1 before any SNRM: DM (IEC 62056-46, disconnected mode).
        await a.Output.WriteAsync(HdlcFrame.ToArray(HdlcAddress.Server(1), HdlcAddress.Client(16), 0x10, false, [0xE6, 0xE6, 0x00, 0x01]));
        var result = await a.Input.ReadAsync().AsTask().WaitAsync(TestTimeout);
        Assert.True(HdlcFrame.TryParse(result.Buffer.ToArray(), out var dm, out var consumed));
        Assert.Equal(HdlcFrameKind.DisconnectedMode, dm.Kind);
        a.Input.AdvanceTo(result.Buffer.GetPosition(consumed - 1));
        // SNRM to logical device 2, not served: no answer; then the real connection works.
        await a.Output.WriteAsync(HdlcFrame.ToArray(HdlcAddress.Server(2), HdlcAddress.Client(16), 0x93));
        var client = await HdlcClientLink.ConnectAsync(a, new HdlcClientOptions());
        await ExchangeAsync(client, 20, 1);
        Assert.Equal(1, server.DiscardedFrames);
        await client.DisposeAsync();
        Assert.Equal(1, await serverTask.WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task Abrupt_disconnect_ends_the_server_link_with_a_typed_error()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, Server(32));
        var receive = Task.Run(async () => await server.ReceiveAsync());
        var client = await HdlcClientLink.ConnectAsync(a, Client(32));
        // Half a segmented request, then the connection vanishes.
        var half = HdlcFrame.ToArray(HdlcAddress.Server(1, 17, 2), HdlcAddress.Client(16), HdlcControl.Information(0, 0, false), true, Apdu(20, 1));
        await a.Output.WriteAsync(half[..(half.Length - 5)]);
        await a.DisposeAsync();
        var error = await Assert.ThrowsAsync<CosemTransportException>(() => receive.WaitAsync(TestTimeout));
        Assert.Equal(TransportErrorKind.ConnectionClosed, error.Kind);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Client_sees_dm_as_disconnected()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        var serverSide = Task.Run(async () =>
        {
            var read = await b.Input.ReadAsync();
            b.Input.AdvanceTo(read.Buffer.End);
            await b.Output.WriteAsync(Hex.Bytes("7E A0 1E 21 03 73 C3 7A 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01 53 3B 7E"));
            read = await b.Input.ReadAsync();
            b.Input.AdvanceTo(read.Buffer.End);
            await b.Output.WriteAsync(HdlcFrame.ToArray(HdlcAddress.Client(16), HdlcAddress.Server(1), 0x1F));
        });
        await using var client = await HdlcClientLink.ConnectAsync(a);
        await client.SendAsync(new byte[] { 0xC0, 0x01 });
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await client.ReceiveAsync());
        Assert.Equal(TransportErrorKind.Disconnected, error.Kind);
        Assert.False(client.IsConnected);
        await serverSide;
    }

    [Fact]
    public async Task Server_inactivity_time_out_ends_the_link()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { InactivityTimeout = TimeSpan.FromMilliseconds(200) });
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await server.ReceiveAsync().AsTask().WaitAsync(TestTimeout));
        Assert.Equal(TransportErrorKind.Timeout, error.Kind);
        await a.DisposeAsync();
    }

    [Fact]
    public async Task A_truncated_frame_followed_by_silence_is_dropped_by_the_inter_octet_time_out()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { InterOctetTimeout = TimeSpan.FromMilliseconds(100) });
        var serverTask = EchoReversedAsync(server);
        // A frame header announcing 0x7FF bytes, then nothing: the SNRM after the pause must still be understood.
        await a.Output.WriteAsync(Hex.Bytes("7E A7 FF 03 21 93"));
        await Task.Delay(300);
        var client = await HdlcClientLink.ConnectAsync(a);
        await ExchangeAsync(client, 10, 3);
        await client.DisposeAsync();
        Assert.Equal(1, await serverTask.WaitAsync(TestTimeout));
        Assert.Equal(1, server.DiscardedFrames);
    }

    [Fact]
    public async Task Client_times_out_with_a_typed_error_when_the_server_is_silent()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        var error = await Assert.ThrowsAsync<CosemTransportException>(async () => await HdlcClientLink.ConnectAsync(a,
            new HdlcClientOptions { ResponseTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 2 }));
        Assert.Equal(TransportErrorKind.Timeout, error.Kind);
        var read = await b.Input.ReadAsync();
        Assert.Equal(3 * 32, read.Buffer.Length); // three SNRM frames carrying the 21-byte negotiation field
        await b.DisposeAsync();
    }
}
