using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A load test: 1,000 simulated meters (each its own server and TCP port) read concurrently from this process.
/// Each operation opens 1,000 associations at once, reads the clock, the energy register and the last four load
/// profile rows (entry selection) of every meter, then releases them all. Meters per second = 1,000 / mean; the peak
/// working set of the process (servers and clients together) is printed at the end. Target: under 300 MiB.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MeterLoadBenchmarks
{
    private const int Meters = 1000;
    private BenchmarkMeter[] _meters = [];

    [GlobalSetup]
    public void Setup()
    {
        ThreadPool.SetMinThreads(64, 64);
        _meters = Task.WhenAll(Enumerable.Range(0, Meters).Select(_ => BenchmarkMeter.StartAsync(profileRows: 96))).GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Meters)]
    public int ReadAllMeters() => Task.WhenAll(_meters.Select(ReadMeterAsync)).GetAwaiter().GetResult().Sum();

    private static async Task<int> ReadMeterAsync(BenchmarkMeter meter)
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
