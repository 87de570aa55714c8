using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Tests.Server;

/// <summary>
/// The inactivity time-out counts from the last useful request, not from the last frame, and a connection must
/// complete an association within the association time-out (short limits, real time).
/// </summary>
public sealed class ServerTimeoutTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task TrickledEmptyFramesDoNotKeepAnAssociatedConnectionOpen()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Short, AssociationTimeout = Timeout.InfiniteTimeSpan });
        await using var client = await harness.ConnectAsync();
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
        var clock = Stopwatch.StartNew();

        var closed = await TrickleUntilClosedAsync(client.Channel, TimeSpan.FromSeconds(5));

        Assert.True(closed, "the server kept a connection that only sent empty frames");
        Assert.InRange(clock.Elapsed, Short - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(4));
        Assert.Equal(1, harness.Server.GetRefusalCounts()[RefusalReasons.InactivityTimeout]);
    }

    [Fact]
    public async Task UsefulRequestsRestartTheInactivityTimeOut()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Short, AssociationTimeout = Timeout.InfiniteTimeSpan });
        await using var client = await harness.ConnectAsync();
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);

        for (var i = 0; i < 8; i++) // 8 × 100 ms: well past one time-out, never silent for one
        {
            await Task.Delay(100);
            await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(InvokeIdAndPriority.Default,
                new CosemAttributeDescriptor(1, ServerHarness.ValueName, 2), null));
        }
        Assert.False(harness.Server.GetRefusalCounts().ContainsKey(RefusalReasons.InactivityTimeout));
    }

    [Fact]
    public async Task AConnectionWithoutACompletedAssociationIsClosed()
    {
        await using var harness = new ServerHarness(new CosemServerOptions { IdleTimeout = Timeout.InfiniteTimeSpan, AssociationTimeout = Short });
        await using var client = await harness.ConnectAsync(client: 1);
        var clock = Stopwatch.StartNew();

        // Refused AARQs (wrong password) are requests, but complete no association.
        var closed = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(5) && !closed)
        {
            try
            {
                Assert.Equal(AssociationResult.RejectedPermanent, (await client.AssociateAsync(ServerHarness.Aarq("wrong"))).Result);
                await Task.Delay(50);
            }
            catch (CosemTransportException)
            {
                closed = true;
            }
        }

        Assert.True(closed, "the server kept a connection that never associated");
        Assert.InRange(clock.Elapsed, Short - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(4));
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
