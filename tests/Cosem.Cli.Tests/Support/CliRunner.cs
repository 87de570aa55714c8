using System.CommandLine;

namespace Cosem.Cli.Tests;

/// <summary>Runs the cosem command tree in-process with captured stdout/stderr and an optional stdin.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = Program.BuildRootCommand(stdin is null ? new StringReader("") : new StringReader(stdin));
        int exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
