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
    /// <returns>The process exit code (<see cref="ExitCodes"/>): 0 on success, 2 for usage errors.</returns>
    public static Task<int> Main(string[] args) => RunAsync(args, new InvocationConfiguration(), null, CancellationToken.None);

    /// <summary>
    /// Parses and runs one command line; a parse error (unknown option, bad number, missing argument) prints one
    /// line on the error writer and returns <see cref="ExitCodes.Usage"/> instead of the parser's default 1.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Output and error writers.</param>
    /// <param name="stdin">Standard input; null means the console.</param>
    /// <param name="cancellationToken">Stops long-running commands.</param>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration configuration, TextReader? stdin,
        CancellationToken cancellationToken)
    {
        var parse = CommandSelection.RootFor(args, stdin).Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            var path = command is RootCommand ? "cosem" : "cosem " + command.Name;
            configuration.Error.WriteLine($"error: {Describe(parse.Errors)} (see '{path} --help').");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    // The most specific error (one naming a token beats "Required command was not provided"), on one line,
    // with the option it is about when the parser's text does not name it.
    private static string Describe(IReadOnlyList<System.CommandLine.Parsing.ParseError> errors)
    {
        var error = errors.OrderBy(e => e.Message.Contains('\'', StringComparison.Ordinal) ? 0 : 1).First();
        var message = string.Join(' ', error.Message.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var option = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult o => o.Option.Name,
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name,
            _ => null,
        };
        // "as expected type 'System.Nullable`1[System.Int32]'" says "as a number" to a person.
        message = System.Text.RegularExpressions.Regex.Replace(message.TrimEnd('.'), @"as expected type '[^']*(Int\d+|Double|Decimal)[^']*'", "as a number");
        return option is not null && !message.Contains(option, StringComparison.Ordinal) ? $"{option}: {message}" : message;
    }

    internal const string RootDescription = "cosem: DLMS/COSEM tools (translate APDUs and frames, simulate meters; read, list, write and invoke on meters).\n" +
        "Exit codes: 0 done, 1 nothing read or the meter failed, 2 usage error, 3 read partly (some attributes refused).\n" +
        "Secrets: --NAME VALUE, --NAME - (one line of stdin), --NAME-file PATH, or the variable COSEM_NAME " +
        "(COSEM_PASSWORD, COSEM_BLOCK_CIPHER_KEY, ...); the command line wins.";

    /// <summary>The whole command tree; tests drive it in-process.</summary>
    /// <param name="stdin">Standard input for commands that read it; null means the console.</param>
    public static RootCommand BuildRootCommand(TextReader? stdin = null)
    {
        var root = new RootCommand(RootDescription)
        {
            TranslateCommand.Create(stdin),
            SimulateCommand.Create(stdin),
            ListenCommand.Create(stdin),
            ReadCommand.Create(stdin),
            ListCommand.Create(stdin),
            WriteCommand.Create(stdin),
            InvokeCommand.Create(stdin),
            FirmwareCommand.Create(stdin),
            WiresharkCommand.Create(),
            StudioCommand.Create(),
        };
        return root;
    }
}
