using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// The cost of one association, layer by layer (`-- probe-association [count]`): a bare loopback TCP connect, accept
/// and close (the in-run baseline); the same with the SDK's <see cref="StreamDuplexPipe"/> on both ends; a whole
/// <c>CosemClient</c> connect + AARQ/AARE + release against a <c>CosemServer</c>; and the load benchmark's read plan
/// (clock, register, four profile rows) at 16 sessions at once. Each is run in turn, repeated, and reported as time
/// and bytes allocated per connection (client and server together), with the types behind the allocations.
/// </summary>
internal static class AssociationProbe
{
    public static async Task RunAsync(int count)
    {
        await using var meter = await BenchmarkMeter.StartAsync(profileRows: 96);
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        var rawEndPoint = listener.LocalEndPoint!;

        async Task Raw()
        {
            using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
            var accept = listener.AcceptAsync();
            await client.ConnectAsync(rawEndPoint);
            using var server = await accept;
            client.NoDelay = true;
            server.NoDelay = true;
        }
        async Task Piped()
        {
            var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
            var accept = listener.AcceptAsync();
            await client.ConnectAsync(rawEndPoint);
            await using var clientPipe = StreamDuplexPipe.FromSocket(client);
            await using var serverPipe = StreamDuplexPipe.FromSocket(await accept);
        }
        async Task Associate()
        {
            await using var client = await meter.ConnectAsync();
            await client.ReleaseAsync();
        }
        var meters = new[] { meter };
        async Task ReadPlan()
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 64), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (_, _) => await MeterLoadBenchmarks.ReadMeterAsync(meters[0]));
        }

        var cases = new (string Name, Func<Task> Run, int PerRun)[]
        {
            ("tcp connect+accept+close (baseline)", Raw, 1),
            ("same + StreamDuplexPipe both ends", Piped, 1),
            ("CosemClient connect+AARQ+release", Associate, 1),
            ("read plan, 16 at once, one meter", ReadPlan, 64),
        };
        foreach (var (_, run, _) in cases)
        {
            for (var i = 0; i < 50; i++)
            {
                await run();
            }
        }
        var times = cases.Select(_ => new List<double>()).ToArray();
        var bytes = new long[cases.Length];
        var done = new long[cases.Length];
        // Rounds alternate the cases, so all of them see the same load on a shared machine.
        for (var round = 0; round < 10; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var repeats = Math.Max(1, count / 10 / cases[c].PerRun);
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < repeats; i++)
                {
                    await cases[c].Run();
                }
                times[c].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / (repeats * cases[c].PerRun));
                bytes[c] += GC.GetTotalAllocatedBytes(precise: true) - before;
                done[c] += repeats * cases[c].PerRun;
            }
        }
        for (var c = 0; c < cases.Length; c++)
        {
            times[c].Sort();
            var median = times[c][times[c].Count / 2];
            Console.WriteLine($"{cases[c].Name,-40} {median,8:F0} us ({median / times[0][times[0].Count / 2],5:F2}x baseline) "
                + $"{bytes[c] / (double)done[c],8:F0} B per connection");
        }
        using var sampler = new AllocationSampler();
        sampler.Start();
        for (var i = 0; i < count; i++)
        {
            await Associate();
        }
        Console.WriteLine("allocation samples (one per ~100 KB) of connect+AARQ+release:");
        foreach (var (type, samples) in sampler.Stop())
        {
            Console.WriteLine($"  {samples,5}  {type}");
        }
    }
}
