using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;
using Npgsql;

namespace Cosem.HeadEnd.Tests;

/// <summary>
/// Silos clustered through PostgreSQL alone (the head-end's own membership, reminder and grain-state tables, created
/// at start-up): two silos read meters while one is stopped, and reminders outlive every silo.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgresClusterTests
{
    [PostgresFact]
    public async Task Two_silos_clustered_in_postgres_finish_a_stopped_silos_meters_with_no_reading_lost_or_duplicated()
    {
        const int meters = 200;
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresReadingStore(server.ConnectionString);
        await store.InitializeAsync();
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions
        {
            Meters = meters,
            MetersPerPort = 100,
            ResponseDelay = TimeSpan.FromMilliseconds(100),    // sessions stay open long enough to be cut by the stop
            ReadInterval = TimeSpan.FromSeconds(3),
        });
        var catalog = new InMemoryMeterCatalog();
        catalog.AddRange(farm.Meters);
        await using var first = await PostgresClusterSilo.StartAsync(server.ConnectionString, "two-silos", store, catalog, Limit);
        await using var second = await PostgresClusterSilo.StartAsync(server.ConnectionString, "two-silos", store, catalog, Limit);
        Assert.Equal(2, await ActiveSilosAsync(server, "two-silos"));

        await Parallel.ForEachAsync(farm.Meters, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (meter, _) => await first.Grains.GetGrain<IMeterGrain>(meter.MeterId).ConfigureAsync(meter));
        var expected = (long)meters * farm.ReadingsPerMeter;
        await HeadEndCluster.WaitUntilAsync(async () => await store.CountAsync() >= expected / 4, TimeSpan.FromSeconds(60),
            async () => $"{await store.CountAsync()} readings before the stop");
        var ids = farm.Meters.Select(m => m.MeterId).ToArray();
        var silosHoldingMeters = (await StatusesAsync(first, ids)).Select(s => s.Silo).Distinct().Count();
        Assert.Equal(2, silosHoldingMeters);    // both silos hold meters before the stop
        var before = await store.CountAsync();
        Assert.True(before < expected, $"Everything was read before the silo was stopped ({before}); the test proves nothing.");

        await second.StopAsync();

        await HeadEndCluster.WaitUntilAsync(async () => await store.CountAsync() >= expected, TimeSpan.FromSeconds(120),
            async () => $"{await store.CountAsync()} of {expected} readings after the stop");
        await Task.Delay(TimeSpan.FromSeconds(4));    // a further scheduled round re-reads meters: nothing new may land
        Assert.Equal(expected, await store.CountAsync());
        foreach (var id in ids.Where((_, i) => i % 40 == 0))
        {
            Assert.Equal(farm.ReadingsPerMeter, await store.CountAsync(id));
        }
        Assert.Single((await StatusesAsync(first, ids)).Select(s => s.Silo).Distinct());
        Assert.Equal(meters, await ScalarAsync(server, "SELECT count(*) FROM cosem_orleans_reminders"));
        Assert.Equal(1, await ActiveSilosAsync(server, "two-silos"));
    }

    [PostgresFact]
    public async Task Reminders_and_meter_state_in_postgres_survive_a_restart_of_the_whole_cluster()
    {
        const int meters = 20;
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresReadingStore(server.ConnectionString);
        await store.InitializeAsync();
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions
        {
            Meters = meters,
            MetersPerPort = 20,
            ReadInterval = TimeSpan.FromSeconds(2),
        });
        var ids = farm.Meters.Select(m => m.MeterId).ToArray();
        long statesBefore;
        await using (var silo = await PostgresClusterSilo.StartAsync(server.ConnectionString, "restart", store, new InMemoryMeterCatalog()))
        {
            await Parallel.ForEachAsync(farm.Meters, async (meter, _) => await silo.Grains.GetGrain<IMeterGrain>(meter.MeterId).ConfigureAsync(meter));
            await HeadEndCluster.WaitUntilAsync(async () => (await StatusesAsync(silo, ids)).All(s => s.SuccessfulReads >= 1), TimeSpan.FromSeconds(60),
                async () => $"{(await StatusesAsync(silo, ids)).Count(s => s.SuccessfulReads >= 1)} of {meters} meters read");
            await silo.StopAsync();
            statesBefore = await ScalarAsync(server, "SELECT count(*) FROM cosem_orleans_grain_state");
        }
        Assert.Equal(2 * meters, statesBefore);    // every meter grain and its system-title index grain persisted
        Assert.Equal(meters, await ScalarAsync(server, "SELECT count(*) FROM cosem_orleans_reminders"));
        var restarted = DateTimeOffset.UtcNow;

        // A new silo with an empty catalog, and nobody configures or starts a meter: only the reminders read from
        // PostgreSQL can activate the grains, which take their settings from the persisted state.
        await using var again = await PostgresClusterSilo.StartAsync(server.ConnectionString, "restart", store, new InMemoryMeterCatalog());
        await Task.Delay(TimeSpan.FromSeconds(8));
        var statuses = await StatusesAsync(again, ids);
        Assert.All(statuses, s =>
        {
            Assert.True(s.Configured, $"{s.MeterId} lost its settings");
            Assert.True(s.LastAttempt > restarted, $"{s.MeterId} was not read after the restart (last attempt {s.LastAttempt})");
            Assert.True(s.SuccessfulReads >= 2, $"{s.MeterId}: {s.SuccessfulReads} reads");
        });
        Assert.Equal((long)meters * farm.ReadingsPerMeter, await store.CountAsync());    // re-reads store nothing twice
    }

    private static void Limit(Cosem.HeadEnd.Hosting.HeadEndOptions options)
    {
        options.MaxConnectionsPerSilo = 4;
        options.FirstReadSpread = TimeSpan.FromSeconds(2);
    }

    private static async Task<MeterStatus[]> StatusesAsync(PostgresClusterSilo silo, IEnumerable<string> ids) =>
        await Task.WhenAll(ids.Select(id => silo.Grains.GetGrain<IMeterGrain>(id).GetStatusAsync()));

    private static Task<long> ActiveSilosAsync(PostgresServer server, string cluster) =>
        ScalarAsync(server, $"SELECT count(*) FROM cosem_orleans_membership WHERE cluster_id = '{cluster}' AND status = 3");

    private static async Task<long> ScalarAsync(PostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
