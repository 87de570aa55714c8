using System.CommandLine;

namespace Cosem.Cli.Commands;

/// <summary>
/// A secret (password or key) with one convention for every command: <c>--NAME VALUE</c>, <c>--NAME -</c> (the next
/// line of standard input), <c>--NAME-file PATH</c> (the first line of the file) or the environment variable
/// <c>COSEM_NAME</c>; the command line wins over the environment. No message ever contains the value.
/// </summary>
internal sealed class SecretOption
{
    public SecretOption(string name, string description)
    {
        EnvironmentVariable = "COSEM_" + name.TrimStart('-').Replace('-', '_').ToUpperInvariant();
        Value = new Option<string?>(name)
        {
            Description = $"{description} '-' reads one line from stdin; also {name}-file PATH or ${EnvironmentVariable}.",
        };
        File = new Option<FileInfo?>(name + "-file") { Description = $"Read {name} from the first line of this file." };
    }

    public Option<string?> Value { get; }

    public Option<FileInfo?> File { get; }

    public string Name => Value.Name;

    public string EnvironmentVariable { get; }

    public IEnumerable<Option> All => [Value, File];

    /// <summary>The secret and whether it came from the command line (a value, '-' or a file) rather than the environment.</summary>
    public (string? Value, bool FromCommandLine) Resolve(ParseResult parse, TextReader? stdin)
    {
        var value = parse.GetValue(Value);
        var file = parse.GetValue(File);
        if (value is not null && file is not null)
        {
            throw new ArgumentException($"Give {Name} or {Name}-file, not both.");
        }
        if (value == "-")
        {
            if (stdin is null && !Console.IsInputRedirected)
            {
                throw new ArgumentException($"{Name} - reads standard input, but nothing is piped into it.");
            }
            var line = (stdin ?? Console.In).ReadLine();
            return string.IsNullOrEmpty(line)
                ? throw new ArgumentException($"{Name} -: standard input has no line for it.")
                : (line, true);
        }
        if (value is not null)
        {
            return (value, true);
        }
        if (file is not null)
        {
            try
            {
                using var reader = file.OpenText();
                var line = reader.ReadLine();
                return string.IsNullOrEmpty(line)
                    ? throw new ArgumentException($"{Name}-file {file.FullName} is empty.")
                    : (line, true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"{Name}-file {file.FullName} cannot be read ({e.GetType().Name}).");
            }
        }
        var environment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return (string.IsNullOrEmpty(environment) ? null : environment, false);
    }
}
