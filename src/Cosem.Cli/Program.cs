using System.CommandLine;
using Cosem.Cli.Commands;

namespace Cosem.Cli;

public static class Program
{
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
