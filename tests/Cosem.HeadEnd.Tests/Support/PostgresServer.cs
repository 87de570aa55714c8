using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Cosem.HeadEnd.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster in a temp directory on a free port, from Debian's server binaries
/// (/usr/lib/postgresql/N/bin). initdb refuses root, so as root the cluster is made and run as the postgres user.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>When set (CI), a missing or failing PostgreSQL fails the tests instead of skipping them.</summary>
    public const string RequireVariable = "COSEM_REQUIRE_POSTGRES_TESTS";

    private readonly Process _process;
    private readonly string _directory;

    private PostgresServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    public string ConnectionString { get; }

    public static string? BinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    /// <summary>Why the tests cannot run here, or null when they can (or must: <see cref="RequireVariable"/>).</summary>
    public static string? SkipReason() =>
        Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 } ? null
        : BinDirectory() is null ? "PostgreSQL server binaries (/usr/lib/postgresql/N/bin) are not installed; .ci/run installs them."
        : IsRoot && !UserExists("postgres") ? "Running as root without a postgres user to run initdb as."
        : null;

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException("PostgreSQL server binaries are not installed (/usr/lib/postgresql/N/bin).");
        var directory = Directory.CreateTempSubdirectory("cosem-pg-").FullName;
        var data = Path.Combine(directory, "data");
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres", directory]);
        }
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
        var port = FreePort();
        var process = Start(Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", directory, "-c", "listen_addresses=127.0.0.1",
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"]);
        var server = new PostgresServer(process, directory, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString + ";Pooling=false");
                await connection.OpenAsync();
                return server;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    await server.DisposeAsync();
                    throw new InvalidOperationException($"PostgreSQL did not start on port {port}: {e.Message}");
                }
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static bool UserExists(string user) => File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string file, string[] arguments)
    {
        var info = IsRoot && file != "chown"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = IsRoot && file != "chown"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
