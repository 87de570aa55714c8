using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Push;
using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.HeadEnd.Tests;

/// <summary>Pushed values land in the reading store like polled ones, under the same key, so a repeated delivery
/// stores nothing twice.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PushStorageTests
{
    private static readonly string[] PushObjects = ["8/0.0.1.0.0.255/2", "3/1.0.1.8.0.255/2", "3/1.0.2.8.0.255/2"];

    [Fact]
    public async Task Pushed_values_are_stored_once_under_the_push_time_and_a_repeated_push_adds_nothing()
    {
        using var temp = new TempDirectory();
        using var store = new SqliteReadingStore(temp.File("readings.db"));
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions { Meters = 2, ReadInterval = TimeSpan.FromHours(1) });
        await using var cluster = await HeadEndCluster.StartAsync(new HeadEndEnvironment(store, o => o.FirstReadSpread = TimeSpan.FromHours(1)), silos: 1);
        var meter = farm.Meters[0] with { PushObjects = PushObjects };
        await cluster.ConfigureAsync([meter]);
        var router = new GrainPushRouter(cluster.Grains);
        var title = Convert.FromHexString(SimulatedMeterFarm.SystemTitleOf(meter.MeterId));
        var at = new DateTimeOffset(2026, 12, 5, 10, 15, 0, TimeSpan.Zero);

        var first = Notification(at, stamped: true, 12_345, 678);
        Assert.True(await router.RouteAsync(new PushNotification(title, first, DateTimeOffset.UtcNow)));
        Assert.True(await router.RouteAsync(new PushNotification(title, first, DateTimeOffset.UtcNow.AddSeconds(3))));    // delivered again
        Assert.Equal(3, await store.CountAsync(meter.MeterId));

        // Unstamped: the capture time is the pushed clock value, 15 minutes on.
        var second = Notification(at.AddMinutes(15), stamped: false, 12_400, 690);
        Assert.True(await router.RouteAsync(new PushNotification(title, second, DateTimeOffset.UtcNow)));
        Assert.Equal(6, await store.CountAsync(meter.MeterId));

        // A body that does not fit the push_object_list is counted and stores nothing.
        var misfit = new DataNotification(new LongInvokeIdAndPriority(3), ReadOnlyMemory<byte>.Empty,
            CosemData.Structure(CosemData.FromUInt32(1)).ToArray()).ToArray();
        Assert.True(await router.RouteAsync(new PushNotification(title, misfit, DateTimeOffset.UtcNow)));

        var status = await cluster.Grains.GetGrain<IMeterGrain>(meter.MeterId).GetStatusAsync();
        Assert.Equal(4, status.PushesReceived);
        Assert.Equal(6, status.PushReadingsStored);
        Assert.Equal(0, status.SuccessfulReads);    // nothing was polled: the readings came from the pushes
        Assert.Equal(6, await store.CountAsync());
    }

    private static byte[] Notification(DateTimeOffset at, bool stamped, uint importWh, uint exportWh)
    {
        var clock = new byte[CosemDateTime.Length];
        CosemDateTime.From(at).CopyTo(clock);
        var body = CosemData.Structure(CosemData.OctetString(clock), CosemData.FromUInt32(importWh), CosemData.FromUInt32(exportWh));
        return new DataNotification(new LongInvokeIdAndPriority(1), stamped ? clock : ReadOnlyMemory<byte>.Empty, body.ToArray()).ToArray();
    }
}
