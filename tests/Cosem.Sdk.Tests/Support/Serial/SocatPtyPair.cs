using System.Diagnostics;
using System.Text;

namespace Cosem.Sdk.Tests.Serial;

/// <summary>
/// Two connected pseudo-terminals made by socat (<c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>):
/// what is written to one is read from the other, like a null-modem cable between two serial ports. Baud rate and
/// parity settings are accepted and ignored, which is what the IEC 62056-21 opening needs to run for real.
/// </summary>
internal sealed class SocatPtyPair : IAsyncDisposable
{
    /// <summary>When set (CI), a missing socat fails the serial tests instead of skipping them.</summary>
    public const string RequireVariable = "COSEM_REQUIRE_SERIAL_TESTS";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly StringBuilder _log;
    private int _disposed;

    private SocatPtyPair(Process process, StringBuilder log, string clientPort, string devicePort)
    {
        _process = process;
        _log = log;
        ClientPort = clientPort;
        DevicePort = devicePort;
    }

    /// <summary>The path of the end the client opens (a symbolic link to /dev/pts/N).</summary>
    public string ClientPort { get; }

    /// <summary>The path of the end the simulated meter opens.</summary>
    public string DevicePort { get; }

    /// <summary>socat's diagnostics so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>socat's full path, or null when it is not installed (or the system has no pseudo-terminals).</summary>
    public static string? FindSocat()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "socat"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Why the serial tests are skipped here, or null when they must run.</summary>
    public static string? SkipReason()
    {
        if (FindSocat() is not null || Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 })
        {
            return null;
        }
        return OperatingSystem.IsWindows()
            ? "Serial tests need Unix pseudo-terminals and socat."
            : $"socat is not installed (apt-get install socat); set {RequireVariable}=1 to make its absence a failure.";
    }

    public static async Task<SocatPtyPair> StartAsync()
    {
        var socat = FindSocat() ?? throw new InvalidOperationException(
            $"{RequireVariable} is set but socat was not found on PATH: install it (apt-get install -y socat) to run the serial tests.");
        var stem = Path.Combine(Path.GetTempPath(), $"cosem-pty-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(socat)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={stem}a", $"pty,raw,echo=0,link={stem}b"])
        {
            start.ArgumentList.Add(argument);
        }
        var log = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (log)
            {
                log.AppendLine(e.Data);
            }
            if (e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"socat ended early:\n{log}"));
        process.Start();
        process.BeginErrorReadLine();
        var pair = new SocatPtyPair(process, log, stem + "a", stem + "b");
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        _process.Dispose();
        foreach (var link in (string[])[ClientPort, DevicePort])
        {
            File.Delete(link); // socat removes its links when it ends normally; make sure
        }
    }
}
