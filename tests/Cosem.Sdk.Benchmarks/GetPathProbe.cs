using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A quick check of the GET path without BenchmarkDotNet's minutes of pilot runs (`-- probe-get [requests]`): the
/// median of single GET round trips against the median of a raw loopback socket echo, measured in alternating rounds
/// in the same process, and the bytes allocated per GET by client and server together. Used to see what one change
/// buys; the figures for the docs come from <see cref="GetRoundTripBenchmarks"/>. `-- probe-get N thread` calls the
/// requests from a thread of its own, as BenchmarkDotNet does, instead of from a thread-pool thread.
/// </summary>
internal static class GetPathProbe
{
    private static readonly CosemAttributeDescriptor Energy = new(3, BenchmarkMeter.EnergyName, 2);

    public static async Task RunAsync(int requests, bool dedicatedThread = false)
    {
        await using var meter = await BenchmarkMeter.StartAsync(profileRows: 1);
        await using var client = await meter.ConnectAsync();
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var echoClient = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        echoClient.Connect(listener.LocalEndPoint!);
        using var echoServer = listener.Accept();
        echoServer.NoDelay = true;
        var echo = Task.Run(async () =>
        {
            var buffer = new byte[64];
            int read;
            while ((read = await echoServer.ReceiveAsync(buffer)) > 0)
            {
                await echoServer.SendAsync(buffer.AsMemory(0, read));
            }
        });
        var ping = new byte[21];
        var pong = new byte[64];
        int Echo()
        {
            echoClient.Send(ping);
            var received = 0;
            while (received < ping.Length)
            {
                received += echoClient.ReceiveAsync(pong.AsMemory(received)).AsTask().GetAwaiter().GetResult();
            }
            return received;
        }
        async Task GetManyAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await client.GetAsync(Energy, static (ref AxdrReader reader) => reader.ReadUInt32());
            }
        }
        uint Get() => client.GetAsync(Energy, static (ref AxdrReader reader) => reader.ReadUInt32()).AsTask().GetAwaiter().GetResult();

        var echoTimes = new List<double>(requests);
        var getTimes = new List<double>(requests);
        long allocated = 0;
        double inARow = 0;
        void Measure()
        {
            for (var i = 0; i < 500; i++)
            {
                Echo();
                Get();
            }
            // Echo and GET alternate request by request, so both see the same load on a shared machine.
            for (var i = 0; i < requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                Echo();
                echoTimes.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                var before = GC.GetTotalAllocatedBytes(precise: true);
                start = Stopwatch.GetTimestamp();
                Get();
                getTimes.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            }
            echoTimes.Sort();
            getTimes.Sort();
            // The same GETs in a row, awaited (as the benchmark's GetsInARow runs them): no task per GET for blocking.
            var rowBefore = GC.GetTotalAllocatedBytes(precise: true);
            GetManyAsync(requests).GetAwaiter().GetResult();
            inARow = (GC.GetTotalAllocatedBytes(precise: true) - rowBefore) / (double)requests;
            using (var sampler = new AllocationSampler())
            {
                sampler.Start();
                for (var i = 0; i < requests * 4; i++)
                {
                    Get();
                }
                foreach (var (type, samples) in sampler.Stop())
                {
                    Console.WriteLine($"  allocation samples {samples,5}  {type}");
                }
            }
        }
        if (dedicatedThread)
        {
            var thread = new Thread(Measure);
            thread.Start();
            thread.Join();
        }
        else
        {
            Measure();
        }
        double P(List<double> times, double q) => times[(int)(q * (times.Count - 1))];
        Console.WriteLine($"echo p50 {P(echoTimes, 0.5):F1} us p99 {P(echoTimes, 0.99):F1} us | GET p50 {P(getTimes, 0.5):F1} us p99 {P(getTimes, 0.99):F1} us"
            + $" | ratio p50 {P(getTimes, 0.5) / P(echoTimes, 0.5):F2} | {allocated / (double)getTimes.Count:F0} B per GET (client and server)"
            + $", {inARow:F0} B per GET in a row, awaited");

        // The per-association cost: connect, AARQ/AARE, release, one after another against the same server.
        var associations = Math.Max(50, requests / 20);
        using var associationSampler = new AllocationSampler();
        associationSampler.Start();
        var associationBefore = GC.GetTotalAllocatedBytes(precise: true);
        var associationStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < associations; i++)
        {
            await using var other = await meter.ConnectAsync();
            await other.ReleaseAsync();
        }
        var perAssociation = Stopwatch.GetElapsedTime(associationStart).TotalMicroseconds / associations;
        Console.WriteLine($"association (connect + AARQ + release), {associations} in a row: {perAssociation:F0} us and "
            + $"{(GC.GetTotalAllocatedBytes(precise: true) - associationBefore) / (double)associations:F0} B each (client and server)");
        foreach (var (type, samples) in associationSampler.Stop())
        {
            Console.WriteLine($"  allocation samples {samples,5}  {type}");
        }
        echoClient.Shutdown(SocketShutdown.Both);
        await echo;
    }
}
