using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;

namespace Cosem.HeadEnd.Tests;

/// <summary>A silo stopped while its meters are being read: the reminders move to the other silo, the meters are
/// read there, and the store ends with every reading exactly once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloStopTests
{
    [Fact]
    public async Task Meters_of_a_stopped_silo_finish_on_the_other_with_no_reading_lost_or_duplicated_in_sqlite()
    {
        using var temp = new TempDirectory();
        using var store = new SqliteReadingStore(temp.File("readings.db"));
        await StopASiloMidwayAsync(store);
    }

    [PostgresFact]
    public async Task Meters_of_a_stopped_silo_finish_on_the_other_with_no_reading_lost_or_duplicated_in_postgres()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresReadingStore(server.ConnectionString);
        await StopASiloMidwayAsync(store);
    }

    private static async Task StopASiloMidwayAsync(IReadingStore store)
    {
        const int meters = 200;
        await store.InitializeAsync();    // the runtime creates the table on its first write; the test counts before that
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions
        {
            Meters = meters,
            MetersPerPort = 100,
            ResponseDelay = TimeSpan.FromMilliseconds(100),    // sessions stay open long enough to be cut by the stop
            ReadInterval = TimeSpan.FromSeconds(3),
        });
        await using var cluster = await HeadEndCluster.StartAsync(new HeadEndEnvironment(store, o =>
        {
            o.MaxConnectionsPerSilo = 4;
            o.FirstReadSpread = TimeSpan.FromSeconds(2);
        }));
        await cluster.ConfigureAsync(farm.Meters);
        var expected = (long)meters * farm.ReadingsPerMeter;
        await HeadEndCluster.WaitUntilAsync(async () => await store.CountAsync() >= expected / 4, TimeSpan.FromSeconds(60),
            async () => $"{await store.CountAsync()} readings before the stop");

        var before = await store.CountAsync();
        Assert.True(before < expected, $"Everything was read before the silo was stopped ({before}); the test proves nothing.");
        await cluster.Cluster.StopSiloAsync(cluster.Cluster.SecondarySilos[0]);

        var ids = farm.Meters.Select(m => m.MeterId).ToArray();
        await HeadEndCluster.WaitUntilAsync(async () => await store.CountAsync() >= expected, TimeSpan.FromSeconds(90),
            async () => $"{await store.CountAsync()} of {expected} readings after the stop");
        await Task.Delay(TimeSpan.FromSeconds(4));    // a further scheduled round re-reads meters: nothing new may land

        Assert.Equal(expected, await store.CountAsync());
        foreach (var id in ids.Where((_, i) => i % 40 == 0))
        {
            Assert.Equal(farm.ReadingsPerMeter, await store.CountAsync(id));
        }
        var statuses = await cluster.StatusesAsync(ids);
        Assert.Single(statuses.Select(s => s.Silo).Distinct());    // every meter now lives on the remaining silo
    }
}
