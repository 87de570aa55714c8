using System.Diagnostics;
using Cosem.HeadEnd.Hosting;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Cosem.Samples.HeadEnd;

/// <summary>Configures the simulated fleet's grains and follows their progress: on schedule until stopped, or once.</summary>
internal sealed class FleetRun(IGrainFactory grains, IServiceProvider services, SimulatedMeterFarm farm, IReadingStore store, HeadEndArguments arguments)
{
    private const int MaxAttempts = 3;
    private readonly string[] _ids = [.. farm.Meters.Select(m => m.MeterId)];
    private readonly HeadEndCounters _counters = services.GetRequiredService<HeadEndCounters>();

    public async Task<int> ReadOnceAsync()
    {
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        await ConfigureAsync();
        var progress = await FollowAsync(p => p.Pending == 0, CancellationToken.None, clock);
        clock.Stop();
        var stored = await store.CountAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLine($"[bold]Summary[/]: {progress.Read:N0} meters read, {progress.Failed:N0} failed, {stored:N0} readings stored, " +
            $"{progress.Read / seconds:N1} meters/s ({seconds:N1} s).");
        if (arguments.Benchmark)
        {
            var perGrain = (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / (double)_ids.Length;
            await new StoreBenchmark(arguments).RunAsync(progress.Read / seconds, perGrain);
        }
        return progress.Failed == 0 ? 0 : 1;
    }

    public async Task<int> ReadOnScheduleAsync(CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        await ConfigureAsync();
        AnsiConsole.MarkupLine($"Reading every {arguments.Interval.TotalSeconds:N0} s; Ctrl+C stops.");
        await FollowAsync(_ => false, stopping, clock);
        return 0;
    }

    private Task ConfigureAsync() => Parallel.ForEachAsync(farm.Meters, new ParallelOptions { MaxDegreeOfParallelism = 64 },
        async (meter, _) => await grains.GetGrain<IMeterGrain>(meter.MeterId).ConfigureAsync(meter));

    private async Task<FleetProgress> FollowAsync(Func<FleetProgress, bool> done, CancellationToken stopping, Stopwatch clock)
    {
        var progress = await FleetProgress.PollAsync(grains, _ids, MaxAttempts);
        var lastRead = _counters.ReadingsRead;
        var lastTime = clock.Elapsed;
        double rate = 0;
        async Task<bool> StepAsync()
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stopping);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            progress = await FleetProgress.PollAsync(grains, _ids, MaxAttempts);
            var now = clock.Elapsed;
            var read = _counters.ReadingsRead;
            rate = (read - lastRead) / (now - lastTime).TotalSeconds;
            (lastRead, lastTime) = (read, now);
            return !done(progress);
        }
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            while (!done(progress) && await StepAsync())
            {
                Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  read {progress.Read}/{progress.Meters}  failed {progress.Failed}  readings/s {rate:F0}  stored {_counters.ReadingsStored}");
            }
            return progress;
        }
        var table = new Table().AddColumns("Meters", "Read", "Failed", "Pending", "Reads done", "Failed attempts", "Readings/s", "Stored", "Elapsed");
        await AnsiConsole.Live(table).StartAsync(async context =>
        {
            do
            {
                table.Rows.Clear();
                table.AddRow($"{progress.Meters:N0}", $"{progress.Read:N0}", $"{progress.Failed:N0}", $"{progress.Pending:N0}", $"{progress.Reads:N0}",
                    $"{progress.FailedAttempts:N0}", $"{rate:N0}", $"{_counters.ReadingsStored:N0}", $"{clock.Elapsed.TotalSeconds:N0} s");
                context.Refresh();
            }
            while (!done(progress) && await StepAsync());
        });
        return progress;
    }
}
