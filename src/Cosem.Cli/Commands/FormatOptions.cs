using System.CommandLine;

namespace Cosem.Cli.Commands;

/// <summary>
/// The one output format option every command with formatted output takes: <c>--format table|json|xml</c> (the
/// formats the command has), with <c>--json</c> and <c>--xml</c> kept as short aliases.
/// </summary>
internal sealed class FormatOptions
{
    public FormatOptions(string defaultFormat, params string[] formats)
    {
        Format = new Option<string?>("--format") { Description = $"Output format: {string.Join(", ", formats)} (default {defaultFormat})." };
        Format.AcceptOnlyFromAmong(formats);
        DefaultFormat = defaultFormat;
    }

    public Option<string?> Format { get; }

    public Option<bool> Json { get; } = new("--json") { Description = "Same as --format json." };

    public Option<bool> Xml { get; } = new("--xml") { Description = "Same as --format xml." };

    public string DefaultFormat { get; }

    public IEnumerable<Option> All => [Format, Json, Xml];

    /// <summary>The chosen format; conflicting choices throw <see cref="ArgumentException"/>.</summary>
    public string Resolve(ParseResult parse)
    {
        var chosen = new[] { parse.GetValue(Format), parse.GetValue(Json) ? "json" : null, parse.GetValue(Xml) ? "xml" : null }
            .OfType<string>().Distinct().ToArray();
        return chosen.Length switch
        {
            0 => DefaultFormat,
            1 => chosen[0],
            _ => throw new ArgumentException($"Choose one output format, not {string.Join(" and ", chosen)}."),
        };
    }
}
