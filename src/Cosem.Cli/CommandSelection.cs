using System.CommandLine;
using Cosem.Cli.Commands;

namespace Cosem.Cli;

/// <summary>
/// Start-up cost: a command line names its command first (<c>cosem read ...</c>), so only that command's options
/// and handlers need building; the other commands (and the assemblies they load, such as the translator's grammar
/// or the simulator) are never touched. Anything else (<c>cosem --help</c>, a typo, a command not listed here)
/// gets the whole tree from <see cref="Program.BuildRootCommand"/>, so help and errors stay the same.
/// </summary>
internal static class CommandSelection
{
    // A command missing here still works through the whole tree; listing it only makes its start-up cheaper.
    private static readonly Dictionary<string, Func<TextReader?, Command>> Factories = new(StringComparer.Ordinal)
    {
        ["read"] = stdin => ReadCommand.Create(stdin),
        ["simulate"] = stdin => SimulateCommand.Create(stdin),
        ["listen"] = stdin => ListenCommand.Create(stdin),
        ["translate"] = stdin => TranslateCommand.Create(stdin),
        ["list"] = stdin => ListCommand.Create(stdin),
        ["write"] = stdin => WriteCommand.Create(stdin),
        ["invoke"] = stdin => InvokeCommand.Create(stdin),
        ["firmware"] = stdin => FirmwareCommand.Create(stdin),
        ["wireshark"] = _ => WiresharkCommand.Create(),
        ["studio"] = _ => StudioCommand.Create(),
    };

    /// <summary>A root holding only the command <paramref name="args"/> starts with, or the whole tree.</summary>
    public static RootCommand RootFor(string[] args, TextReader? stdin)
    {
        if (args.Length == 0 || !Factories.TryGetValue(args[0], out var create))
        {
            return Program.BuildRootCommand(stdin);
        }
        return new RootCommand(Program.RootDescription) { create(stdin) };
    }
}
