using System.CommandLine;
using Cosem.Cli.Commands;

namespace Cosem.Cli;

/// <summary>Entry point of the <c>cosem</c> command-line tool: translate APDUs and frames, simulate and read
/// meters.</summary>
public static class Program
{
    /// <summary>Parses <paramref name="args"/> against <see cref="BuildRootCommand"/> and runs the chosen
    /// command.</summary>
    /// <param name="args">The command line, e.g. <c>read --host 10.0.0.7 --obis 0.0.1.0.0.255</c>.</param>
    /// <returns>The process exit code: 0 on success.</returns>
    public static Task<int> Main(string[] args) => BuildRootCommand().Parse(args).InvokeAsync();

    /// <summary>The whole command tree; tests drive it in-process.</summary>
    /// <param name="stdin">Standard input for commands that read it; null means the console.</param>
    public static RootCommand BuildRootCommand(TextReader? stdin = null)
    {
        var root = new RootCommand("cosem: DLMS/COSEM tools (translate APDUs and frames, simulate and read meters).")
        {
            TranslateCommand.Create(stdin),
            SimulateCommand.Create(),
            ReadCommand.Create(),
        };
        return root;
    }
}
