using System.CommandLine;
using System.Diagnostics;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem studio [--port 5059] [--schema DIR] [--data-dir DIR]</c>: starts Cosem Studio, the meter explorer in the
/// browser, on 127.0.0.1. The studio is its own program (ASP.NET Core and Roslyn scripting need reflection, and this
/// tool stays native-AOT clean), so the command finds it and runs it as a child process: <c>COSEM_STUDIO</c> (the
/// path of Cosem.Studio.dll or its executable), else beside this tool (or in its <c>studio/</c> folder), else the
/// build output of a repository checkout this tool runs from. Exit 2 for bad arguments, 1 when the studio is not
/// found or fails, else the studio's own exit code.
/// </summary>
internal static class StudioCommand
{
    public const string StudioVariable = "COSEM_STUDIO";
    private const string StudioAssembly = "Cosem.Studio.dll";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve the studio on (0 picks a free one).", DefaultValueFactory = _ => 5059 };
        var schema = new Option<string?>("--schema") { Description = "A directory of your own *.cosem.xml schema files: names for your classes, attributes, enums and flags." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where saved connection profiles and their protection keys live (default: the user's local application data, cosem-studio)." };
        var command = new Command("studio", "Start Cosem Studio, the meter explorer in the browser, on 127.0.0.1 and print its URL.")
        {
            port, schema, dataDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var chosenPort = parse.GetValue(port);
            if (chosenPort is < 0 or > 65535)
            {
                error.WriteLine($"error: --port {chosenPort} is not a TCP port (0-65535).");
                return ExitCodes.Usage;
            }
            var schemaDirectory = parse.GetValue(schema);
            if (schemaDirectory is not null && !Directory.Exists(schemaDirectory))
            {
                error.WriteLine($"error: --schema {schemaDirectory}: no such directory.");
                return ExitCodes.Usage;
            }
            if (Locate(Environment.GetEnvironmentVariable(StudioVariable), AppContext.BaseDirectory) is not { } studio)
            {
                error.WriteLine($"error: Cosem Studio is not installed beside this tool; build src/Cosem.Studio (dotnet build) or set {StudioVariable} to the path of {StudioAssembly}.");
                return ExitCodes.Failed;
            }
            List<string> arguments = ["--port", chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (schemaDirectory is not null)
            {
                arguments.AddRange(["--schema", Path.GetFullPath(schemaDirectory)]);
            }
            if (parse.GetValue(dataDir) is { } data)
            {
                arguments.AddRange(["--data-dir", Path.GetFullPath(data)]);
            }
            return await RunAsync(studio, arguments, error, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The studio to run: <paramref name="configured"/> when set (it must exist), else Cosem.Studio.dll beside
    /// <paramref name="toolDirectory"/> or in its studio/ folder, else the newest build output of a repository checkout
    /// above it; null when none is found.
    /// </summary>
    public static string? Locate(string? configured, string toolDirectory)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        foreach (var candidate in new[] { Path.Combine(toolDirectory, StudioAssembly), Path.Combine(toolDirectory, "studio", StudioAssembly) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        for (var directory = new DirectoryInfo(toolDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "Cosem.Studio", "bin");
            if (Directory.Exists(project))
            {
                return Directory.EnumerateFiles(project, StudioAssembly, SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            }
        }
        return null;
    }

    private static async Task<int> RunAsync(string studio, List<string> arguments, TextWriter error, CancellationToken cancellationToken)
    {
        var isAssembly = studio.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        // The studio's output (its URL) goes straight to this terminal: the child inherits standard output and error.
        var start = new ProcessStartInfo(isAssembly ? DotnetHost() : studio) { UseShellExecute = false };
        if (isAssembly)
        {
            start.ArgumentList.Add(studio);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            error.WriteLine($"error: cannot start {studio}: {e.Message}");
            return ExitCodes.Failed;
        }
        using (process)
        {
            try
            {
                await process.WaitForExitAsync(cancellationToken);
                return process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the studio stops with this tool.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                return ExitCodes.Success;
            }
        }
    }

    /// <summary>The dotnet host that runs framework-dependent assemblies: the one running this tool when it is one, else dotnet on PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
