using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>What the links do when the procedure breaks mid-way: a link reset under a segmented answer, an answer cut off.</summary>
public class HdlcRecoveryTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);
    private static readonly HdlcAddress ClientAddress = HdlcAddress.Client(16);
    private static readonly HdlcAddress ServerAddress = HdlcAddress.Server(1);

    [Fact]
    public async Task Snrm_under_a_segmented_answer_ends_that_answer_and_the_new_link_works()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { Parameters = new HdlcParameters(32, 32, 1, 1) });
        var client = new ScriptedHdlcPeer(a, ClientAddress, ServerAddress);
        var receiving = server.ReceiveAsync().AsTask();
        await client.ConnectAsync();
        await client.WriteAsync(HdlcControl.Information(0, 0, true), information: [0xE6, 0xE6, 0x00, 0xC0, 0x01]);
        (await receiving.WaitAsync(TestTimeout)).Dispose();

        var sending = server.SendAsync(new byte[100]).AsTask();
        Assert.Equal(HdlcFrameKind.Information, (await client.ReadAsync()).Kind);
        // The client gives up on this answer and restarts the link.
        await client.ConnectAsync();
        var error = await Assert.ThrowsAsync<CosemTransportException>(() => sending.WaitAsync(TestTimeout));
        Assert.Equal(TransportErrorKind.Disconnected, error.Kind);
        Assert.True(server.IsConnected);

        // The fresh link starts from N(S) = N(R) = 0 and carries a new request.
        receiving = server.ReceiveAsync().AsTask();
        await client.WriteAsync(HdlcControl.Information(0, 0, true), information: [0xE6, 0xE6, 0x00, 0xC0, 0x02]);
        using var request = await receiving.WaitAsync(TestTimeout);
        Assert.Equal(new byte[] { 0xC0, 0x02 }, request.ToArray());
        await server.SendAsync(new byte[] { 0xC4 });
        var answer = await client.ReadAsync();
        Assert.Equal(HdlcControl.Information(0, 1, true), answer.Control);
        await a.DisposeAsync();
    }

    [Fact]
    public async Task An_answer_cut_off_half_way_loses_the_link_instead_of_leaving_stale_segments()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        var server = new ScriptedHdlcPeer(b, ServerAddress, ClientAddress);
        var accepting = server.AcceptSnrmAsync();
        var client = await HdlcClientLink.ConnectAsync(a, new HdlcClientOptions
        {
            ResponseTimeout = TimeSpan.FromMilliseconds(100),
            MaxRetries = 1,
        }).WaitAsync(TestTimeout);
        await accepting;
        await client.SendAsync(new byte[] { 0xC0, 0x01 });
        Assert.Equal(HdlcFrameKind.Information, (await server.ReadAsync()).Kind);
        var receiving = client.ReceiveAsync().AsTask();
        // First segment of the answer, then the meter falls silent.
        await server.WriteAsync(HdlcControl.Information(0, 1, true), segmented: true, information: [0xE6, 0xE7, 0x00, 0xC4, 0x01, 0x81]);
        var error = await Assert.ThrowsAsync<CosemTransportException>(() => receiving.WaitAsync(TestTimeout));
        Assert.Equal(TransportErrorKind.Timeout, error.Kind);

        // The half answer is not kept for the next exchange: the link is down and says so.
        Assert.False(client.IsConnected);
        var refused = await Assert.ThrowsAsync<CosemTransportException>(async () => await client.SendAsync(new byte[] { 0xC0, 0x01 }));
        Assert.Equal(TransportErrorKind.Disconnected, refused.Kind);
        await client.DisposeAsync().AsTask().WaitAsync(TestTimeout);
        // Only polls followed the segment: no DISC to a link already lost, no new request.
        while (await server.TryReadAsync(TimeSpan.FromMilliseconds(100)) is { } frame)
        {
            Assert.Equal(HdlcFrameKind.ReceiveReady, frame.Kind);
        }
        await b.DisposeAsync();
    }
}
