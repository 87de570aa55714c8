using System.Diagnostics;
using System.Globalization;
using Cosem.HeadEnd.Storage;
using Spectre.Console;

namespace Cosem.Samples.HeadEnd;

/// <summary>The benchmark's last part: the stores' insert rates in batches the size of a meter read (SQLite always,
/// PostgreSQL too when <c>--postgres</c> is given, in the same run), the machine's load, and the report.</summary>
internal sealed class StoreBenchmark(HeadEndArguments arguments)
{
    private const int Batches = 400;
    private const int BatchSize = 250;

    public async Task RunAsync(double metersPerSecond, double bytesPerGrain)
    {
        AnsiConsole.MarkupLine("[bold]Benchmark[/] (one silo, this process):");
        Console.WriteLine($"  meters fully read per second per silo: {metersPerSecond:N1} ({arguments.Simulate:N0} simulated meters, {arguments.Connections} connections)");
        Console.WriteLine($"  managed memory per meter grain: {bytesPerGrain / 1024:N1} KiB (heap growth over the read, divided by meters)");
        Console.WriteLine($"  store insert rate: {await MeasureAsync(postgres: null):N0} readings/s (SQLite, {Batches} batches of {BatchSize})");
        if (arguments.Postgres is { } connection)
        {
            Console.WriteLine($"  store insert rate: {await MeasureAsync(connection):N0} readings/s (PostgreSQL, {Batches} batches of {BatchSize})");
        }
        Console.WriteLine($"  load average (1, 5, 15 min): {LoadAverage()}");
    }

    private static async Task<double> MeasureAsync(string? postgres)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cosem-headend-bench-{Guid.NewGuid():N}.db");
        IReadingStore store = postgres is not null
            ? new PostgresReadingStore(postgres, "readings_benchmark_" + Guid.NewGuid().ToString("N")[..8])
            : new SqliteReadingStore(path);
        try
        {
            await store.InitializeAsync();
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            long inserted = 0;
            for (var b = 0; b < Batches; b++)
            {
                var batch = new MeterReading[BatchSize];
                for (var i = 0; i < BatchSize; i++)
                {
                    batch[i] = new MeterReading($"BENCH{b:D6}", "1.0.1.8.0.255", 2, start.AddMinutes(15 * i), (b * 1000 + i).ToString(CultureInfo.InvariantCulture), "WattHour", "1.0.99.1.0.255");
                }
                inserted += await store.WriteAsync(batch);
            }
            clock.Stop();
            return inserted / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
