using System.Diagnostics;
using System.Globalization;

namespace Cosem.Sdk.Soak;

/// <summary>
/// The server in a child process of its own (this executable with <c>--serve N</c>), so its memory is measured
/// without the peers'. Protocol on its standard streams: it writes "port P" once listening; for each "sample" line
/// it answers "sample WORKINGSET HEAP"; it stops when its input closes.
/// </summary>
public sealed class ServerProcess : IServerMemory, IAsyncDisposable
{
    private readonly Process _process;
    private readonly SemaphoreSlim _one = new(1, 1);

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The server's TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Starts the child and waits for its port.</summary>
    public static async Task<ServerProcess> StartAsync(int connections)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }
        start.ArgumentList.Add("--serve");
        start.ArgumentList.Add(connections.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the server process ended at start");
        return new ServerProcess(process, int.Parse(line["port ".Length..], CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public async Task<MemorySample> SampleAsync()
    {
        await _one.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync("sample");
            await _process.StandardInput.FlushAsync();
            var parts = (await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the server process ended")).Split(' ');
            return new MemorySample(long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The child's side: runs the server and answers samples until its input closes.</summary>
    public static async Task<int> ServeAsync(int connections)
    {
        var (server, port) = await SoakMeter.StartAsync(connections);
        await using var _ = server;
        Console.WriteLine($"port {port}");
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "sample")
            {
                var sample = MemorySample.OfThisProcess();
                Console.WriteLine($"sample {sample.WorkingSetBytes} {sample.HeapAfterGcBytes}");
            }
        }
        return 0;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _one.Dispose();
    }
}
