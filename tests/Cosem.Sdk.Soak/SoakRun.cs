using System.Diagnostics;
using Cosem.Sdk.Client;

namespace Cosem.Sdk.Soak;

/// <summary>One row of the report: what happened during one sampling window.</summary>
public sealed record SoakSample(TimeSpan At, long Associated, long Reads, double ReadsPerSecond, double P50Ms, double P99Ms,
    long Errors, long MisbehavingConnections, long ClosedByServer, long ResetsMidBlock, MemorySample Server, long PeersWorkingSet);

/// <summary>The outcome of a run: its samples and the verdict on memory growth after warm-up.</summary>
public sealed record SoakResult(SoakOptions Options, TimeSpan RampUp, IReadOnlyList<SoakSample> Samples, string Verdict, bool Passed);

/// <summary>Runs the soak: ramps the associations up, holds them with periodic reads and misbehaving peers, samples.</summary>
public static class SoakRun
{
    /// <summary>Runs with <paramref name="options"/>, writing each sample to <paramref name="log"/> as it is taken.</summary>
    public static async Task<SoakResult> RunAsync(SoakOptions options, TextWriter log)
    {
        var misbehaving = (int)Math.Round(options.Associations * options.MisbehavingFraction);
        var connections = options.Associations + misbehaving + 64;
        ServerProcess? child = null;
        Cosem.Sdk.Server.CosemServer? local = null;
        IServerMemory memory;
        int port;
        if (options.InProcessServer)
        {
            (local, port) = await SoakMeter.StartAsync(connections);
            memory = new InProcessMemory();
        }
        else
        {
            child = await ServerProcess.StartAsync(connections);
            port = child.Port;
            memory = child;
        }
        try
        {
            return await DriveAsync(options, misbehaving, port, memory, log);
        }
        finally
        {
            if (child is not null)
            {
                await child.DisposeAsync();
            }
            if (local is not null)
            {
                await local.DisposeAsync();
            }
        }
    }

    private static async Task<SoakResult> DriveAsync(SoakOptions options, int misbehaving, int port, IServerMemory memory, TextWriter log)
    {
        var stats = new SoakStats();
        using var stop = new CancellationTokenSource();
        log.WriteLine($"soak: {options.Associations} associations, {misbehaving} misbehaving peers, {options.Duration.TotalSeconds:0} s, a read every {options.ReadInterval.TotalSeconds:0.#} s");

        var ramp = Stopwatch.StartNew();
        var clients = new CosemClient?[options.Associations];
        using (var gate = new SemaphoreSlim(options.ConnectConcurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Associations).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    clients[i] = await WellBehavedPeer.ConnectAsync(port, stats, stop.Token);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        ramp.Stop();
        log.WriteLine($"soak: {Interlocked.Read(ref stats.Associated)} associations up in {ramp.Elapsed.TotalSeconds:0.0} s ({stats.Errors} failed)");

        var peers = clients.Select(c => Task.Run(() => WellBehavedPeer.RunAsync(c, port, options.ReadInterval, stats, stop.Token))).ToList();
        peers.AddRange(Enumerable.Range(0, misbehaving).Select(i =>
            Task.Run(() => MisbehavingPeer.RunAsync((Misbehaviour)(i % 3), port, stats, stop.Token))));

        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        long lastReads = 0;
        var lastAt = TimeSpan.Zero;
        log.WriteLine("     t  assoc   reads/s   p50 ms   p99 ms  errors  bad-conn  closed  resets  srv-WS MiB  srv-heap MiB  peers-WS MiB");
        using var timer = new PeriodicTimer(options.SampleInterval);
        while (clock.Elapsed < options.Duration && await timer.WaitForNextTickAsync())
        {
            var latencies = stats.TakeLatencies();
            var reads = Interlocked.Read(ref stats.Reads);
            var at = clock.Elapsed;
            var server = await memory.SampleAsync();
            using var self = Process.GetCurrentProcess();
            var sample = new SoakSample(at, Interlocked.Read(ref stats.Associated), reads, (reads - lastReads) / (at - lastAt).TotalSeconds,
                SoakStats.Percentile(latencies, 50), SoakStats.Percentile(latencies, 99), Interlocked.Read(ref stats.Errors),
                Interlocked.Read(ref stats.MisbehavingConnections), Interlocked.Read(ref stats.ClosedByServer), Interlocked.Read(ref stats.ResetsMidBlock),
                server, self.WorkingSet64);
            samples.Add(sample);
            (lastReads, lastAt) = (reads, at);
            log.WriteLine(SoakReport.Line(sample));
        }

        await stop.CancelAsync();
        await Task.WhenAll(peers).WaitAsync(TimeSpan.FromSeconds(60));
        var (verdict, passed) = SoakReport.Judge(options, samples);
        log.WriteLine(verdict);
        return new SoakResult(options, ramp.Elapsed, samples, verdict, passed);
    }
}
