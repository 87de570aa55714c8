using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// Where a warm 10,000-row typed profile read of <see cref="ProfileReadBenchmarks"/> spends its time
/// (`-- probe-profile-read [rounds]`): the whole typed read, the same GET with the bytes taken as they are (server and
/// transfer), the raw transfer of the same bytes between two loopback sockets (the benchmark's baseline), and the two
/// pieces of work the raw transfer does not do, timed alone: the server's encoding of the buffer from its values and
/// the client's decoding of the typed rows. Medians of alternating rounds, client and server in this process.
/// </summary>
internal static class ProfileReadProbe
{
    private static readonly CosemAttributeDescriptor Buffer = new(7, BenchmarkMeter.ProfileName, 2);

    public static async Task RunAsync(int rounds)
    {
        await using var meter = await BenchmarkMeter.StartAsync(profileRows: 10_000);
        await using var client = await meter.ConnectAsync();
        // The values as the meter holds them (not the compact CosemData a client decodes, which keeps the bytes).
        var rows = CosemData.Array(BenchmarkMeter.BuildRows(10_000));
        var encoded = new ArrayBufferWriter<byte>(400_000);
        void Encode()
        {
            encoded.ResetWrittenCount();
            var writer = new AxdrWriter(encoded);
            rows.Encode(ref writer);
            writer.Flush();
        }
        Encode();
        var bytes = encoded.WrittenMemory.ToArray();

        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var rawClient = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        rawClient.Connect(listener.LocalEndPoint!);
        using var rawServer = listener.Accept();
        var sender = Task.Run(async () =>
        {
            var request = new byte[1];
            while (await rawServer.ReceiveAsync(request) > 0)
            {
                await rawServer.SendAsync(bytes);
            }
        });
        var received = new byte[bytes.Length];

        var steps = new (string Name, Func<Task<int>> Run)[]
        {
            ("raw transfer of the same bytes (baseline)", async () =>
            {
                await rawClient.SendAsync(new byte[1]);
                var count = 0;
                while (count < received.Length)
                {
                    count += await rawClient.ReceiveAsync(received.AsMemory(count));
                }
                return count;
            }),
            ("typed read, batches (ReadBatchesAsync)", async () =>
            {
                var count = 0;
                await foreach (var batch in Objects.ProfileRowReader.ReadBatchesAsync<LoadProfileRow>(client, Buffer, null))
                {
                    count += batch.Length;
                }
                return count;
            }),
            ("typed read, row by row (ReadAsync)", async () =>
            {
                var count = 0;
                await foreach (var _ in Objects.ProfileRowReader.ReadAsync<LoadProfileRow>(client, Buffer, null))
                {
                    count++;
                }
                return count;
            }),
            ("GET, bytes taken as they are (server + transfer)", async () =>
                await client.GetAsync(Buffer, static (ref AxdrReader reader) => reader.ReadRemaining().Length)),
            ("server's work alone: encode the buffer from its values", () =>
            {
                Encode();
                return Task.FromResult(encoded.WrittenCount);
            }),
            ("client's work alone: decode the typed rows", () => Task.FromResult(DecodeRows(bytes))),
        };
        var times = steps.Select(_ => new List<double>()).ToArray();
        for (var round = -20; round < rounds; round++)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await steps[i].Run();
                if (round >= 0)
                {
                    times[i].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }
        }
        var baseline = Median(times[0]);
        Console.WriteLine($"10,000-row profile ({bytes.Length:N0} bytes), {rounds} alternating rounds, load average {File.ReadAllText("/proc/loadavg")[..14]}");
        for (var i = 0; i < steps.Length; i++)
        {
            Console.WriteLine($"| {steps[i].Name} | {Median(times[i]):F0} µs | {Median(times[i]) / baseline:F2}x |");
        }
        rawClient.Shutdown(SocketShutdown.Both);
        await sender;
    }

    private static int DecodeRows(byte[] bytes)
    {
        var reader = new AxdrReader(bytes);
        var count = reader.ReadArrayHeader();
        uint sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += LoadProfileRow.Decode(ref reader).Value1;
        }
        return (int)(sum & 1) + count;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
