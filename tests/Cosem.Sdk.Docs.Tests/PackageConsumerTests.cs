using System.Diagnostics;
using System.Text;

namespace Cosem.Sdk.Docs.Tests;

/// <summary>
/// What a new user does: pack the SDK to a folder feed, create an application outside the repository that
/// references Cosem.Sdk (with its generator) and Cosem.Sdk.Hosting from that feed, with its own schema file, a
/// hosted server, a client and a metrics listener (FreshApp/), then build and run it. Slow (a pack, a restore and
/// two builds: about a minute or two), so it is one test.
/// </summary>
public sealed class PackageConsumerTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task A_fresh_app_builds_from_the_local_feed_and_runs()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("cosem-freshapp-");
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "app")).FullName;
            // A version of its own: no package cache can hold an older build under the same number.
            var version = $"0.0.0-freshapp.{DateTime.UtcNow:yyyyMMddHHmmss}";
            foreach (var project in new[] { "src/Cosem.Sdk.Codec", "src/Cosem.Sdk", "src/Cosem.Sdk.Hosting" })
            {
                // --no-restore: the test's own build restored these projects; a restore here would rewrite their obj/ while
                // other test projects of the solution may still be building.
                await RunAsync(root, "pack", project, "--no-restore", "-c", "Release", "-o", feed, $"-p:MinVerVersionOverride={version}");
            }
            Assert.Contains($"Cosem.Sdk.{version}.nupkg", Directory.GetFiles(feed).Select(Path.GetFileName));

            CopyDirectory(Path.Combine(root, "tests", "Cosem.Sdk.Docs.Tests", "FreshApp"), app);
            // The feed first, then whatever sources this machine's NuGet configuration already has; packages
            // restored into the work folder, with the machine's cache as a read-only fallback.
            var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(app, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(work.FullName, "packages")}" />
                  </config>
                  <packageSources>
                    <add key="cosem-local" value="{feed}" />
                  </packageSources>
                  <fallbackPackageFolders>
                    <add key="machine" value="{userPackages}" />
                  </fallbackPackageFolders>
                </configuration>
                """);

            await RunAsync(app, "build", "-c", "Release");
            var output = await RunAsync(app, "bin/Release/net10.0/FreshApp.dll");

            Assert.Contains("litres: 750", output, StringComparison.Ordinal);
            Assert.Contains("alarm level: 900", output, StringComparison.Ordinal);
            var served = output.Split('\n').Single(l => l.StartsWith("requests served: ", StringComparison.Ordinal));
            Assert.True(int.Parse(served["requests served: ".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 4, output);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temp folder is cleaned by the system.
            }
        }
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; the output, or a failure with it.</summary>
    private static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (arguments[0] is "build" or "pack")
        {
            // No MSBuild node or compiler server outliving the step (it would hold the output pipes open).
            start.ArgumentList.Add("-nodeReuse:false");
            start.ArgumentList.Add("-p:UseSharedCompilation=false");
        }
        // The test host's MSBuild settings belong to the outer build, not to these.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than {StepTimeout}.");
        }
        output.Append(await stdout).Append(await stderr);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} in {directory} exited with {process.ExitCode}:\n{output}");
        return output.ToString();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cosem.Sdk.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Cosem.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
