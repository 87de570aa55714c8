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
}
