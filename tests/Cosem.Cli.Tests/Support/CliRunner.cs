using System.CommandLine;

namespace Cosem.Cli.Tests;

/// <summary>
/// Runs the cosem command line in-process (through <see cref="Program.RunAsync"/>, so parse errors exit like the
/// tool) with captured stdout/stderr and an optional stdin; a token stops long-running commands (simulate).
/// </summary>
internal static class CliRunner
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string? stdin, params string[] args) =>
        RunCoreAsync(stdin, CancellationToken.None, args);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        RunCoreAsync(null, cancellationToken, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunCoreAsync(string? stdin, CancellationToken cancellationToken, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await Program.RunAsync(args, new InvocationConfiguration { Output = output, Error = error },
            new StringReader(stdin ?? ""), cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
