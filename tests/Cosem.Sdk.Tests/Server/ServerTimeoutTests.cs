using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Transport;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Server;

/// <summary>
/// The inactivity time-out counts from the last useful request, not from the last frame, and a connection must
/// complete an association within the association time-out (short limits, real time).
/// </summary>
public sealed class ServerTimeoutTests
{
    // Long enough that a loaded machine's pauses do not pass for silence, short enough for a quick test.
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TrickledEmptyFramesDoNotKeepAnAssociatedConnectionOpen()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Short, AssociationTimeout = Timeout.InfiniteTimeSpan });
        await using var client = await harness.ConnectAsync();
        var clock = Stopwatch.StartNew(); // before the AARQ, the last useful request
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);

        var closed = await TrickleUntilClosedAsync(client.Channel, TimeSpan.FromSeconds(10));

        Assert.True(closed, "the server kept a connection that only sent empty frames");
        Assert.InRange(clock.Elapsed, Short, TimeSpan.FromSeconds(8));
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.InactivityTimeout]);
    }

    [Fact]
    public async Task UsefulRequestsRestartTheInactivityTimeOut()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Short, AssociationTimeout = Timeout.InfiniteTimeSpan });
        await using var client = await harness.ConnectAsync();
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);

        for (var i = 0; i < 8; i++) // 8 × 250 ms: well past one time-out, never silent for one
        {
            await Task.Delay(250);
            await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(InvokeIdAndPriority.Default,
                new CosemAttributeDescriptor(1, ServerHarness.ValueName, 2), null));
        }
        Assert.False(harness.Server.GetRefusalCounts().ContainsKey(RefusalReasons.InactivityTimeout));
    }

    [Fact]
    public async Task AConnectionWithoutACompletedAssociationIsClosed()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Timeout.InfiniteTimeSpan, AssociationTimeout = Short });
        var clock = Stopwatch.StartNew(); // before the connection opens
        await using var client = await harness.ConnectAsync(client: 1);

        // Refused AARQs (wrong password) are requests, but complete no association.
        var closed = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && !closed)
        {
            try
            {
                Assert.Equal(AssociationResult.RejectedPermanent, (await client.AssociateAsync(ServerHarness.Aarq("wrong"))).Result);
                await Task.Delay(100);
            }
            catch (CosemTransportException)
            {
                closed = true;
            }
        }

        Assert.True(closed, "the server kept a connection that never associated");
        Assert.InRange(clock.Elapsed, Short, TimeSpan.FromSeconds(8));
        var counts = harness.Server.GetRefusalCounts();
        Assert.Equal(1, counts[RefusalReasons.AssociationTimeout]);
        Assert.True(counts[RefusalReasons.AssociationRefused] >= 2);
    }

    [Fact]
    public async Task AnAssociationCompletedInTimeEndsTheAssociationPhase()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Timeout.InfiniteTimeSpan, AssociationTimeout = Short });
        await using var client = await harness.ConnectAsync();
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);

        await Task.Delay(Short * 2);

        await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(InvokeIdAndPriority.Default,
            new CosemAttributeDescriptor(1, ServerHarness.ValueName, 2), null));
    }

    [Fact]
    public async Task TrickledHdlcPollsDoNotKeepALinkOpen()
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Short, AssociationTimeout = Timeout.InfiniteTimeSpan });
        harness.Server.Listen(ServerTransport.Hdlc(b));
        var clock = Stopwatch.StartNew(); // the session, and its clock, start with the server
        await harness.Server.StartAsync();
        var client = new ScriptedHdlcPeer(a, HdlcAddress.Client(16), HdlcAddress.Server(1));
        await client.ConnectAsync();

        // RR with the poll bit every 50 ms: each is answered by the link, none is a request.
        var answered = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await client.WriteAsync(HdlcControl.Supervisory(HdlcControl.Rr, 0, true));
            if (await client.TryReadAsync(TimeSpan.FromSeconds(2)) is null)
            {
                break;
            }
            answered++;
            await Task.Delay(50);
        }

        Assert.True(answered > 1, $"{answered} polls answered in {clock.Elapsed}");
        Assert.InRange(clock.Elapsed, Short, TimeSpan.FromSeconds(8));
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.InactivityTimeout]);
    }

    /// <summary>Sends an empty wrapper frame every 50 ms until the server closes the connection or the limit passes.</summary>
    private static async Task<bool> TrickleUntilClosedAsync(IApduChannel channel, TimeSpan limit)
    {
        using var stop = new CancellationTokenSource(limit);
        var receive = Task.Run(async () =>
        {
            try
            {
                using var _ = await channel.ReceiveAsync(stop.Token);
                return false; // the server never answers an empty frame
            }
            catch (CosemTransportException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        });
        while (!receive.IsCompleted && !stop.IsCancellationRequested)
        {
            try
            {
                await channel.SendAsync(ReadOnlyMemory<byte>.Empty, stop.Token);
                await Task.Delay(50, stop.Token);
            }
            catch (Exception ex) when (ex is CosemTransportException or OperationCanceledException)
            {
                break;
            }
        }
        return await receive;
    }
}
