using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>
/// RNR (receive not ready) and slow peers: a busy receiver gets polled, never sent I-frames, and a server that needs
/// time to answer is waited for within the response time-out budget, however many polls that takes.
/// </summary>
public class HdlcBusyTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);
    private static readonly HdlcAddress ClientAddress = HdlcAddress.Client(16);
    private static readonly HdlcAddress ServerAddress = HdlcAddress.Server(1);

    private static async Task<(HdlcClientLink Client, ScriptedHdlcPeer Server, InMemoryDuplexPipe ServerEnd)> ConnectAsync(HdlcClientOptions options)
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        var server = new ScriptedHdlcPeer(b, ServerAddress, ClientAddress);
        var accepting = server.AcceptSnrmAsync();
        var client = await HdlcClientLink.ConnectAsync(a, options).WaitAsync(TestTimeout);
        await accepting.WaitAsync(TestTimeout);
        return (client, server, b);
    }

    private static void AssertPoll(PeerFrame frame)
    {
        Assert.Equal(HdlcFrameKind.ReceiveReady, frame.Kind);
        Assert.True(frame.PollFinal);
    }

    private static void AssertInformation(PeerFrame frame, int sendSequence)
    {
        Assert.Equal(HdlcFrameKind.Information, frame.Kind);
        Assert.Equal(sendSequence, frame.SendSequence);
    }

    [Fact]
    public async Task Client_polls_a_busy_server_instead_of_sending_it_i_frames()
    {
        var (client, server, serverEnd) = await ConnectAsync(new HdlcClientOptions
        {
            Parameters = new HdlcParameters(32, 32, 1, 1),
            BusyPollInterval = TimeSpan.FromMilliseconds(1),
        });
        // 100 bytes + LLC in 32-byte information fields: frames N(S) 0..3, one per window.
        var sending = client.SendAsync(new byte[100]).AsTask();
        AssertInformation(await server.ReadAsync(), 0);
        await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rnr, 0, true)); // busy, frame 0 not taken
        AssertPoll(await server.ReadAsync());
        await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 0, true)); // ready, still lacking frame 0
        AssertInformation(await server.ReadAsync(), 0);
        await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rnr, 1, true)); // frame 0 taken, busy again
        AssertPoll(await server.ReadAsync());
        await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rnr, 1, true));
        AssertPoll(await server.ReadAsync());
        await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 1, true));
        for (var ns = 1; ns < 4; ns++)
        {
            var frame = await server.ReadAsync();
            AssertInformation(frame, ns);
            Assert.Equal(ns < 3, frame.Segmented);
            if (ns < 3)
            {
                await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, ns + 1, true));
            }
        }
        await sending.WaitAsync(TestTimeout);

        // The answer, after one "busy" reply to the client's poll.
        var receiving = client.ReceiveAsync().AsTask();
        await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rnr, 4, true));
        AssertPoll(await server.ReadAsync());
        await server.WriteAsync(HdlcControl.Information(0, 4, true), information: [0xE6, 0xE7, 0x00, 0xC4, 0x01]);
        using var answer = await receiving.WaitAsync(TestTimeout);
        Assert.Equal(new byte[] { 0xC4, 0x01 }, answer.ToArray());
        await serverEnd.DisposeAsync();
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_server_slow_to_answer_is_polled_for_the_whole_response_time_out_budget()
    {
        var (client, server, serverEnd) = await ConnectAsync(new HdlcClientOptions
        {
            ResponseTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 1,
            BusyPollInterval = TimeSpan.FromMilliseconds(1),
        });
        await client.SendAsync(new byte[] { 0xC0, 0x01 });
        AssertInformation(await server.ReadAsync(), 0);
        var receiving = client.ReceiveAsync().AsTask();
        // Forty "nothing yet" answers: more polls than any retry count, well within the 10 s budget.
        for (var i = 0; i < 40; i++)
        {
            await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 1, true));
            AssertPoll(await server.ReadAsync());
        }
        await server.WriteAsync(HdlcControl.Information(0, 1, true), information: [0xE6, 0xE7, 0x00, 0xC4]);
        using var answer = await receiving.WaitAsync(TestTimeout);
        Assert.Equal(new byte[] { 0xC4 }, answer.ToArray());
        await serverEnd.DisposeAsync();
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_server_busy_beyond_the_budget_is_a_time_out()
    {
        var (client, server, serverEnd) = await ConnectAsync(new HdlcClientOptions
        {
            ResponseTimeout = TimeSpan.FromMilliseconds(100),
            MaxRetries = 1,
            BusyPollInterval = TimeSpan.FromMilliseconds(5),
        });
        await client.SendAsync(new byte[] { 0xC0, 0x01 });
        AssertInformation(await server.ReadAsync(), 0);
        var receiving = client.ReceiveAsync().AsTask();
        var answering = Task.Run(async () =>
        {
            // RNR to every poll, until the client gives up and stops polling.
            await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rnr, 1, true));
            while (await server.TryReadAsync(TimeSpan.FromSeconds(1)) is { Kind: HdlcFrameKind.ReceiveReady })
            {
                await server.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rnr, 1, true));
            }
        });
        var error = await Assert.ThrowsAsync<CosemTransportException>(() => receiving.WaitAsync(TestTimeout));
        Assert.Equal(TransportErrorKind.Timeout, error.Kind);
        await answering.WaitAsync(TestTimeout);
        await serverEnd.DisposeAsync();
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Server_answers_a_busy_client_with_rr_and_resumes_when_it_is_ready()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var server = new HdlcServerLink(b, new HdlcServerOptions { Parameters = new HdlcParameters(32, 32, 1, 1) });
        var client = new ScriptedHdlcPeer(a, ClientAddress, ServerAddress);
        var receiving = server.ReceiveAsync().AsTask();
        await client.ConnectAsync();
        await client.WriteAsync(HdlcControl.Information(0, 0, true), information: [0xE6, 0xE6, 0x00, 0xC0, 0x01]);
        (await receiving.WaitAsync(TestTimeout)).Dispose();

        var sending = server.SendAsync(new byte[100]).AsTask();
        AssertInformation(await client.ReadAsync(), 0);
        await client.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rnr, 0, true)); // busy, segment 0 not taken
        var answer = await client.ReadAsync();
        Assert.Equal(HdlcFrameKind.ReceiveReady, answer.Kind); // the turn handed back, no I-frame
        Assert.True(answer.PollFinal);
        await client.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 0, true)); // ready, segment 0 please
        AssertInformation(await client.ReadAsync(), 0);
        await client.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 1, true));
        AssertInformation(await client.ReadAsync(), 1);
        await client.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 2, true));
        AssertInformation(await client.ReadAsync(), 2);
        await client.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 3, true));
        var last = await client.ReadAsync();
        AssertInformation(last, 3);
        Assert.False(last.Segmented);
        await sending.WaitAsync(TestTimeout);
        await a.DisposeAsync();
    }
}
