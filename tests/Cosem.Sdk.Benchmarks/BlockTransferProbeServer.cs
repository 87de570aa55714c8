using System.Diagnostics;
using System.Globalization;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// The server of <see cref="BlockTransferProbe"/> in a process of its own (`-- probe-gbt-server`), so its
/// allocations and work items are counted apart from the client's: it prints its port, then answers every line on
/// its standard input with its <see cref="ProcessCounters"/>, until the input ends.
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
    public static BlockTransferProbeServer Spawn()
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
    public static async Task ServeAsync()
    {
        await using var listener = new CountingListener();
        await using var meter = await BenchmarkMeter.StartAsync(profileRows: 10_000, listener.Transport, listener.Port);
        Console.WriteLine(listener.Port.ToString(CultureInfo.InvariantCulture));
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
