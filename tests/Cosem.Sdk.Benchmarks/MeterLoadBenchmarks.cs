using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A load test: 1,000 simulated meters (each its own server and TCP port) read from this process. Each operation
/// reads every meter once — connect, associate, the clock, the energy register and the last four load profile rows
/// (entry selection), release — with at most <see cref="MaxConcurrent"/> sessions open at a time (0: all 1,000 at
/// once). The mean is per meter (<c>OperationsPerInvoke</c>), so meters per second = 1,000,000 / mean in µs. The peak
/// working set of the process (servers and clients together) is printed at the end. Targets: under 300 MiB;
/// 4,000 meters/s.
/// </summary>
[Config(typeof(Config))]
public class MeterLoadBenchmarks
{
    // In-process (a build of its own times out on a loaded machine), pinned here so that eng/benchmarks.sh need not
    // pass --inProcess, which would add a second job.
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance).WithId("Monitoring"));
    }

    private const int Meters = 1000;
    private BenchmarkMeter[] _meters = [];

    /// <summary>Sessions open at once; 0 opens all of them together (the original form of this benchmark).</summary>
    [Params(16, 64, 256, 0)]
    public int MaxConcurrent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ThreadPool.SetMinThreads(64, 64);
        _meters = Task.WhenAll(Enumerable.Range(0, Meters).Select(_ => BenchmarkMeter.StartAsync(profileRows: 96))).GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Meters)]
    public int ReadAllMeters() => ReadAllAsync().GetAwaiter().GetResult();

    private async Task<int> ReadAllAsync()
    {
        if (MaxConcurrent <= 0)
        {
            return (await Task.WhenAll(_meters.Select(ReadMeterAsync))).Sum();
        }
        var rows = 0;
        await Parallel.ForEachAsync(_meters, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrent }, async (meter, _) =>
            Interlocked.Add(ref rows, await ReadMeterAsync(meter)));
        return rows;
    }

    internal static async Task<int> ReadMeterAsync(BenchmarkMeter meter)
    {
        await using var client = await meter.ConnectAsync();
        var device = new ReferenceMeter(client);
        var time = await device.Clock.GetTimeAsync();
        var energy = await device.ActiveEnergyImport.GetValueAsync();
        var rows = await device.LoadProfile.GetBufferAsync(new EntrySelection(93, 96));
        await client.ReleaseAsync();
        return time.Year is null || energy.IsNull ? 0 : rows.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// Peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB for {Meters} meters and their associations");
        Task.WhenAll(_meters.Select(m => m.DisposeAsync().AsTask())).GetAwaiter().GetResult();
    }
}
