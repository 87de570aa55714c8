using System.Diagnostics;
using System.Globalization;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// Per-block counters of the 10,000-row profile transfer of <see cref="BlockTransferBenchmarks"/> on bare loopback
/// (`-- probe-gbt [reads]`): service-specific blocks against GBT windows 1 and 16, in alternating rounds. The server
/// runs in a child process (<see cref="BlockTransferProbeServer"/>), so each side's counters are its own: bytes
/// allocated, thread-pool work items, lock contentions, CPU, APDU sends and receives, socket reads and writes. The
/// counters hardly depend on the machine's load, so they show what one path does per block that the other does not;
/// time is shown too, as a median, for what it is worth on a shared machine. The buffer's bytes are taken as they are,
/// not decoded into rows (which allocates ≈ 2.5 MB per read on any path and would bury the transfer's own figures).
/// </summary>
internal static class BlockTransferProbe
{
    private static readonly Apdu.CosemAttributeDescriptor Buffer = new(7, BenchmarkMeter.ProfileName, 2);
    private static readonly (string Name, int Window)[] Paths = [("service-specific", 0), ("GBT window 1", 1), ("GBT window 16", 16)];

    public static async Task RunAsync(int readsPerRound)
    {
        using var server = BlockTransferProbeServer.Spawn();
        var port = server.Port;
        var clients = new List<CosemClient>();
        for (var i = 0; i < Paths.Length; i++)
        {
            clients.Add(await CosemClient.ConnectAsync(
                ClientTransport.Custom("counting loopback", (_, cancellationToken) => CountingChannel.ConnectAsync(port, cancellationToken)),
                new AssociationOptions
                {
                    ClientAddress = 16,
                    MaxReceivePduSize = 1024,
                    GeneralBlockTransferWindow = Paths[i].Window,
                    RequestTimeout = TimeSpan.FromMinutes(1),
                }));
        }
        int Read(int path) => clients[path].GetAsync(Buffer, static (ref AxdrReader reader) => reader.ReadRemaining().Length)
            .AsTask().GetAwaiter().GetResult();

        for (var warmUp = 0; warmUp < 20; warmUp++)
        {
            for (var path = 0; path < Paths.Length; path++)
            {
                Read(path);
            }
        }
        var results = Paths.Select(_ => new List<(ProcessCounters Client, ProcessCounters Server, double Milliseconds)>()).ToArray();
        for (var round = 0; round < 5; round++)
        {
            for (var path = 0; path < Paths.Length; path++)
            {
                var clientBefore = ProcessCounters.Take();
                var serverBefore = server.Counters();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < readsPerRound; i++)
                {
                    Read(path);
                }
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds / readsPerRound;
                results[path].Add((ProcessCounters.Take() - clientBefore, server.Counters() - serverBefore, elapsed));
            }
        }
        Console.WriteLine($"10,000-row profile (360,004 bytes), MaxPdu 1,024, {5 * readsPerRound} reads per path in 5 alternating rounds;"
            + $" per block unless marked; load average {LoadAverage()}");
        Console.WriteLine("| Path | blocks/read | ms/read (median) | side | B alloc/block | TP items/block | APDU send/recv | socket w/r | lock contentions | CPU µs/block | turnaround µs (median) | GCs gen0 / gen2 (all reads) |");
        Console.WriteLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var path = 0; path < Paths.Length; path++)
        {
            var samples = results[path];
            var client = samples.Select(s => s.Client).Aggregate((a, b) => a + b);
            var serverTotal = samples.Select(s => s.Server).Aggregate((a, b) => a + b);
            var blocks = (double)client.Receives;
            var times = samples.Select(s => s.Milliseconds).Order().ToList();
            var reads = samples.Count * readsPerRound;
            Console.WriteLine($"| {Paths[path].Name} | {Format(blocks / reads, "F0")} | {Format(times[times.Count / 2], "F2")} | client | {client.Describe(blocks, samples.Count)} |");
            Console.WriteLine($"| | | | server | {serverTotal.Describe(blocks, samples.Count)} |");
        }
        // What the allocations are made of, on each side: GC allocation samples (one per ≈ 100 KB) by type.
        using (var sampler = new AllocationSampler())
        {
            for (var path = 0; path < 2; path++)
            {
                server.AllocationSamples();
                sampler.Clear();
                sampler.Start();
                for (var i = 0; i < readsPerRound * 10; i++)
                {
                    Read(path);
                }
                var client = string.Join("; ", sampler.Stop().Select(pair => $"{pair.Value} {pair.Key}"));
                Console.WriteLine($"{Paths[path].Name}, {readsPerRound * 10} reads, allocation samples: client {client} | server {server.AllocationSamples()}");
            }
        }
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    internal static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

/// <summary>One process's counters at a moment (or the difference of two): what <see cref="BlockTransferProbe"/> compares.</summary>
internal readonly record struct ProcessCounters(
    long Allocated, long WorkItems, long Contentions, double CpuMicroseconds, long Sends, long Receives, long SocketWrites, long SocketReads,
    double TurnaroundMicroseconds = 0, long Gen0 = 0, long Gen2 = 0)
{
    /// <summary>This process's counters; its channels are clients or servers, never both.</summary>
    public static ProcessCounters Take()
    {
        var values = ProbeCounters.Snapshot();
        var turnaround = ProbeCounters.TakeTurnaround();
        return new ProcessCounters(
            GC.GetTotalAllocatedBytes(precise: true), ThreadPool.CompletedWorkItemCount, Monitor.LockContentionCount,
            Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds,
            values[ProbeCounters.ClientSends] + values[ProbeCounters.ServerSends],
            values[ProbeCounters.ClientReceives] + values[ProbeCounters.ServerReceives],
            values[ProbeCounters.ClientSocketWrites] + values[ProbeCounters.ServerSocketWrites],
            values[ProbeCounters.ClientSocketReads] + values[ProbeCounters.ServerSocketReads], turnaround.Microseconds,
            GC.CollectionCount(0), GC.CollectionCount(2));
    }

    // The turnaround is the median over one span (taken at its end), not a running total: a difference keeps the later
    // one, a sum adds them up (Describe divides by the number of spans).
    public static ProcessCounters operator -(ProcessCounters a, ProcessCounters b) => new(
        a.Allocated - b.Allocated, a.WorkItems - b.WorkItems, a.Contentions - b.Contentions, a.CpuMicroseconds - b.CpuMicroseconds,
        a.Sends - b.Sends, a.Receives - b.Receives, a.SocketWrites - b.SocketWrites, a.SocketReads - b.SocketReads, a.TurnaroundMicroseconds,
        a.Gen0 - b.Gen0, a.Gen2 - b.Gen2);

    public static ProcessCounters operator +(ProcessCounters a, ProcessCounters b) => new(
        a.Allocated + b.Allocated, a.WorkItems + b.WorkItems, a.Contentions + b.Contentions, a.CpuMicroseconds + b.CpuMicroseconds,
        a.Sends + b.Sends, a.Receives + b.Receives, a.SocketWrites + b.SocketWrites, a.SocketReads + b.SocketReads,
        a.TurnaroundMicroseconds + b.TurnaroundMicroseconds, a.Gen0 + b.Gen0, a.Gen2 + b.Gen2);

    public string Serialize() => string.Join(' ', Allocated, WorkItems, Contentions,
        CpuMicroseconds.ToString("R", CultureInfo.InvariantCulture), Sends, Receives, SocketWrites, SocketReads,
        TurnaroundMicroseconds.ToString("R", CultureInfo.InvariantCulture), Gen0, Gen2);

    public static ProcessCounters Parse(string line)
    {
        var parts = line.Split(' ');
        long L(int i) => long.Parse(parts[i], CultureInfo.InvariantCulture);
        return new ProcessCounters(L(0), L(1), L(2), double.Parse(parts[3], CultureInfo.InvariantCulture), L(4), L(5), L(6), L(7),
            double.Parse(parts[8], CultureInfo.InvariantCulture), L(9), L(10));
    }

    /// <param name="blocks">Blocks over all spans summed here.</param>
    /// <param name="spans">Spans summed here: the turnaround shown is the mean of their medians.</param>
    public string Describe(double blocks, int spans)
    {
        string P(double value) => BlockTransferProbe.Format(value / blocks, "F2");
        return string.Join(" | ", BlockTransferProbe.Format(Allocated / blocks, "F0"), P(WorkItems), $"{P(Sends)} / {P(Receives)}",
            $"{P(SocketWrites)} / {P(SocketReads)}", P(Contentions), BlockTransferProbe.Format(CpuMicroseconds / blocks, "F1"),
            BlockTransferProbe.Format(TurnaroundMicroseconds / spans, "F1"), $"{Gen0} / {Gen2}");
    }
}
