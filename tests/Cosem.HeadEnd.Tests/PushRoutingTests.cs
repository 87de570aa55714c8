using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Push;
using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;

namespace Cosem.HeadEnd.Tests;

/// <summary>A push reaches the grain of the meter with that system title, and may trigger a read.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PushRoutingTests
{
    [Fact]
    public async Task A_push_is_routed_by_system_title_and_reads_a_meter_that_asks_for_it()
    {
        using var temp = new TempDirectory();
        using var store = new SqliteReadingStore(temp.File("readings.db"));
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions { Meters = 3, ReadInterval = TimeSpan.FromHours(1) });
        await using var cluster = await HeadEndCluster.StartAsync(new HeadEndEnvironment(store, o => o.FirstReadSpread = TimeSpan.FromHours(1)), silos: 1);
        var meter = farm.Meters[1] with { ReadOnPush = true };
        await cluster.ConfigureAsync([meter]);
        var router = new GrainPushRouter(cluster.Grains);

        var title = Convert.FromHexString(SimulatedMeterFarm.SystemTitleOf(meter.MeterId));
        Assert.True(await router.RouteAsync(new PushNotification(title, [0x0F, 0, 0, 0, 1], DateTimeOffset.UtcNow)));
        Assert.False(await router.RouteAsync(new PushNotification(new byte[8], [0x0F], DateTimeOffset.UtcNow)));

        var grain = cluster.Grains.GetGrain<IMeterGrain>(meter.MeterId);
        await HeadEndCluster.WaitUntilAsync(async () => (await grain.GetStatusAsync()).LastSuccess is not null, TimeSpan.FromSeconds(20),
            async () => $"{await grain.GetStatusAsync()}");
        var status = await grain.GetStatusAsync();
        Assert.Equal(1, status.PushesReceived);
        Assert.Equal(farm.ReadingsPerMeter, await store.CountAsync(meter.MeterId));
        Assert.Equal(0, await store.CountAsync(farm.Meters[0].MeterId));
    }
}
