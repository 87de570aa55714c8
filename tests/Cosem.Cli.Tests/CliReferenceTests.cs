using System.CommandLine;

namespace Cosem.Cli.Tests;

/// <summary>docs/cli.md names every command and every option of the tool, so the reference cannot fall behind.</summary>
public class CliReferenceTests
{
    private static string Reference()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "docs", "cli.md");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }
        throw new FileNotFoundException("docs/cli.md not found above the test directory.");
    }

    public static TheoryData<string> Commands() => [.. Program.BuildRootCommand().Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_option_of_the_command_is_in_the_reference(string name)
    {
        var reference = Reference();
        var command = Program.BuildRootCommand().Subcommands.Single(c => c.Name == name);

        Assert.Contains($"`cosem {name}`", reference, StringComparison.Ordinal);
        var missing = command.Options
            .Where(o => o.Name is not ("--help" or "-h" or "-?") && o is not System.CommandLine.Help.HelpOption)
            .Where(o => !reference.Contains($"`{o.Name}", StringComparison.Ordinal) && !reference.Contains($", `{o.Name}", StringComparison.Ordinal)
                && !reference.Contains($"{o.Name}`", StringComparison.Ordinal))
            .Select(o => o.Name)
            .ToArray();
        Assert.True(missing.Length == 0, $"docs/cli.md does not mention: {string.Join(", ", missing)}");
    }
}
