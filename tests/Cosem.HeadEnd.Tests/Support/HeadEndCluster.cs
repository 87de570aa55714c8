using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Storage;
using Orleans.TestingHost;

namespace Cosem.HeadEnd.Tests.Support;

/// <summary>An Orleans test cluster of head-end silos around one <see cref="HeadEndEnvironment"/>.</summary>
internal sealed class HeadEndCluster : IAsyncDisposable
{
    private HeadEndCluster(TestCluster cluster, HeadEndEnvironment environment)
    {
        Cluster = cluster;
        Environment = environment;
    }

    public TestCluster Cluster { get; }

    public HeadEndEnvironment Environment { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static Task<HeadEndCluster> StartAsync(HeadEndEnvironment environment, short silos = 2) =>
        StartAsync<HeadEndSiloConfigurator>(environment, silos);

    public static async Task<HeadEndCluster> StartAsync<TConfigurator>(HeadEndEnvironment environment, short silos = 2)
        where TConfigurator : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder(silos);
        builder.Properties[HeadEndEnvironment.ConfigurationKey] = environment.Id;
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new HeadEndCluster(cluster, environment);
    }

    /// <summary>Puts the meters in the catalog and configures their grains (which starts their schedules).</summary>
    public async Task ConfigureAsync(IReadOnlyList<MeterSettings> meters)
    {
        Environment.Catalog.AddRange(meters);
        await Parallel.ForEachAsync(meters, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (meter, _) => await Grains.GetGrain<IMeterGrain>(meter.MeterId).ConfigureAsync(meter));
    }

    public async Task<MeterStatus[]> StatusesAsync(IEnumerable<string> meterIds) =>
        await Task.WhenAll(meterIds.Select(id => Grains.GetGrain<IMeterGrain>(id).GetStatusAsync()));

    /// <summary>Polls until <paramref name="done"/> holds, failing with <paramref name="describe"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<Task<string>> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:F0} s: {await describe()}");
            }
            await Task.Delay(250);
        }
    }

    public static async Task<long> CountAsync(IReadingStore store) => await store.CountAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
            Environment.Forget();
        }
    }
}
