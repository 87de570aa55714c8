using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;

namespace Cosem.HeadEnd.Tests;

/// <summary>Two silos read a farm of simulated meters to completion, and a refusing meter holds nobody up.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TwoSiloReadTests
{
    [Fact]
    public async Task Two_silos_read_1000_simulated_meters_to_completion_with_every_reading_stored_once()
    {
        using var temp = new TempDirectory();
        using var store = new SqliteReadingStore(temp.File("readings.db"));
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions { Meters = 1000, MetersPerPort = 250, ReadInterval = TimeSpan.FromMinutes(10) });
        await using var cluster = await HeadEndCluster.StartAsync(new HeadEndEnvironment(store));

        await cluster.ConfigureAsync(farm.Meters);
        var ids = farm.Meters.Select(m => m.MeterId).ToArray();
        await HeadEndCluster.WaitUntilAsync(
            async () => (await cluster.StatusesAsync(ids)).All(s => s.LastSuccess is not null),
            TimeSpan.FromSeconds(90),
            async () => $"{(await cluster.StatusesAsync(ids)).Count(s => s.LastSuccess is not null)} of 1000 meters read, {await store.CountAsync()} readings");

        var statuses = await cluster.StatusesAsync(ids);
        Assert.Equal(1000L * farm.ReadingsPerMeter, await store.CountAsync());
        Assert.All(statuses, s => Assert.Equal(0, s.ConsecutiveFailures));
        Assert.Equal(2, statuses.Select(s => s.Silo).Distinct().Count());    // both silos took part
        Assert.Equal(farm.ReadingsPerMeter, await store.CountAsync(ids[^1]));
        var last = statuses[^1].LastReadings;
        Assert.Equal(["0.0.1.0.0.255", "1.0.1.8.0.255", "1.0.2.8.0.255"], last.Select(r => r.LogicalName));
        Assert.All(last, r => Assert.Equal(farm.Now, r.CaptureTime));
        Assert.Equal("WattHour", last[1].Unit);
    }

    [Fact]
    public async Task A_meter_refusing_associations_is_retried_with_back_off_and_reported_while_the_others_are_read()
    {
        using var temp = new TempDirectory();
        using var store = new SqliteReadingStore(temp.File("readings.db"));
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions { Meters = 100, MetersPerPort = 50, RefusingMeters = 2, ReadInterval = TimeSpan.FromMinutes(10) });
        await using var cluster = await HeadEndCluster.StartAsync(new HeadEndEnvironment(store));

        await cluster.ConfigureAsync(farm.Meters);
        var good = farm.Meters.Select(m => m.MeterId).Where(id => !farm.RefusingMeterIds.Contains(id)).ToArray();
        var bad = farm.RefusingMeterIds.ToArray();
        await HeadEndCluster.WaitUntilAsync(
            async () => (await cluster.StatusesAsync(good)).All(s => s.LastSuccess is not null)
                && (await cluster.StatusesAsync(bad)).All(s => s.FailedAttempts >= 3),
            TimeSpan.FromSeconds(60),
            async () => string.Join("; ", (await cluster.StatusesAsync(bad)).Select(s => $"{s.MeterId}: {s.FailedAttempts} failures")));

        Assert.Equal(98L * farm.ReadingsPerMeter, await store.CountAsync());
        foreach (var status in await cluster.StatusesAsync(bad))
        {
            Assert.Null(status.LastSuccess);
            Assert.True(status.ConsecutiveFailures >= 3);
            Assert.Contains("Association", status.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, await store.CountAsync(status.MeterId));
        }
    }
}

/// <summary>Cluster tests run one after the other: each starts silos and servers, and the machine is small.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Orleans clusters";
}
