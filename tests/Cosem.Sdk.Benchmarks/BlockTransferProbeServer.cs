using System.Diagnostics;
using System.Globalization;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// The 10,000-row meter of <see cref="BlockTransferProbe"/> and <see cref="BlockTransferBenchmarks"/> in a process of
/// its own (`-- probe-gbt-server [plain]`), as a meter is another device: its allocations, work items and collections
/// are its own, not the client's. It prints its port, then answers every line on its standard input with its
/// <see cref="ProcessCounters"/>, until the input ends. Plain: the server's standard TCP transport instead of the
/// counting one (the benchmarks' figures come from the transport users run).
/// </summary>
internal sealed class BlockTransferProbeServer : IDisposable
{
    private readonly Process _process;

    private BlockTransferProbeServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts this program again as the server.</summary>
    /// <param name="plain">Serve on the standard TCP transport (no counters of sends and socket calls).</param>
    public static BlockTransferProbeServer Spawn(bool plain = false)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BlockTransferProbeServer).Assembly.Location);
        }
        start.ArgumentList.Add("probe-gbt-server");
        if (plain)
        {
            start.ArgumentList.Add("plain");
        }
        var process = Process.Start(start)!;
        var port = int.Parse(process.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        return new BlockTransferProbeServer(process, port);
    }

    public ProcessCounters Counters()
    {
        _process.StandardInput.WriteLine("counters");
        _process.StandardInput.Flush();
        return ProcessCounters.Parse(_process.StandardOutput.ReadLine()!);
    }

    /// <summary>The server's allocation samples (≈ 100 KB each) by type since the last call.</summary>
    public string AllocationSamples()
    {
        _process.StandardInput.WriteLine("samples");
        _process.StandardInput.Flush();
        return _process.StandardOutput.ReadLine()!;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    /// <summary>The child process: serves until its standard input ends.</summary>
    public static async Task ServeAsync(bool plain)
    {
        await using var listener = new CountingListener();
        await using var meter = plain
            ? await BenchmarkMeter.StartAsync(profileRows: 10_000)
            : await BenchmarkMeter.StartAsync(profileRows: 10_000, listener.Transport, listener.Port);
        Console.WriteLine(meter.Port.ToString(CultureInfo.InvariantCulture));
        using var sampler = new AllocationSampler();
        sampler.Start();
        while (Console.ReadLine() is { } command)
        {
            if (command == "samples")
            {
                // The allocation samples since the last call, on one line: "count type; count type; …".
                Console.WriteLine(string.Join("; ", sampler.Stop().Select(pair => $"{pair.Value} {pair.Key}")));
                sampler.Clear();
                sampler.Start();
                continue;
            }
            Console.WriteLine(ProcessCounters.Take().Serialize());
        }
    }
}
