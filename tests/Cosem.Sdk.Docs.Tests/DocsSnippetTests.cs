using System.Text;
using System.Text.RegularExpressions;

namespace Cosem.Sdk.Docs.Tests;

/// <summary>
/// Keeps docs/ true to compiled code. A page shows code only under a marker naming its source,
/// <c>&lt;!-- snippet: tests/Cosem.Sdk.Docs.Tests/Snippets/X.cs#region-name --&gt;</c> (or a whole file without
/// <c>#…</c>), followed by a fenced block that must equal that region (C# <c>#region name</c> … <c>#endregion</c>,
/// XML <c>&lt;!-- #region name --&gt;</c> … <c>&lt;!-- #endregion --&gt;</c>), dedented. The regions compile and run
/// as tests in this project or in samples/, so a page cannot drift from what builds.
/// <c>UPDATE_SNIPPETS=1 dotnet test tests/Cosem.Sdk.Docs.Tests</c> rewrites the pages' blocks from the sources.
/// </summary>
public sealed partial class DocsSnippetTests
{
    // Pages another change owns, or that show measurements rather than code.
    private static readonly HashSet<string> PagesWithoutSnippets = new(StringComparer.Ordinal) { "architecture.md", "benchmarks.md", "cli.md" };

    private static readonly string Root = FindRoot();

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            if (!PagesWithoutSnippets.Contains(Path.GetFileName(path)))
            {
                pages.Add(Path.GetFileName(path));
            }
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_code_block_is_a_snippet_equal_to_its_source(string page)
    {
        var path = Path.Combine(Root, "docs", page);
        var lines = File.ReadAllLines(path);
        var updated = new List<string>(lines.Length);
        var failures = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = SnippetMarker().Match(lines[i]);
            if (!marker.Success)
            {
                if (lines[i].StartsWith("```csharp", StringComparison.Ordinal) || lines[i].StartsWith("```xml", StringComparison.Ordinal))
                {
                    failures.Add($"{page}:{i + 1}: a code block without a <!-- snippet: ... --> marker; put the code in a compiled file and name it.");
                }
                updated.Add(lines[i]);
                continue;
            }
            updated.Add(lines[i]);
            var source = marker.Groups["source"].Value;
            if (i + 1 >= lines.Length || !lines[i + 1].StartsWith("```", StringComparison.Ordinal))
            {
                failures.Add($"{page}:{i + 1}: the snippet marker for {source} is not followed by a fenced code block.");
                continue;
            }
            var end = Array.FindIndex(lines, i + 2, l => l.StartsWith("```", StringComparison.Ordinal));
            if (end < 0)
            {
                failures.Add($"{page}:{i + 2}: the code block for {source} is not closed.");
                continue;
            }
            var shown = string.Join('\n', lines[(i + 2)..end]);
            var expected = Extract(source, out var problem);
            if (expected is null)
            {
                failures.Add($"{page}:{i + 1}: {problem}");
            }
            else if (shown != expected)
            {
                failures.Add($"{page}:{i + 1}: the block differs from {source}.");
            }
            updated.Add(lines[i + 1]);
            updated.AddRange((expected ?? shown).Split('\n'));
            updated.Add(lines[end]);
            i = end;
        }
        if (failures.Count > 0 && Environment.GetEnvironmentVariable("UPDATE_SNIPPETS") == "1")
        {
            File.WriteAllText(path, string.Join('\n', updated) + "\n", new UTF8Encoding(false));
            failures.RemoveAll(f => f.Contains("differs from", StringComparison.Ordinal));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n(UPDATE_SNIPPETS=1 rewrites blocks that differ.)");
    }

    [Fact]
    public void Every_snippet_region_of_this_project_is_shown_on_a_page()
    {
        var shown = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .SelectMany(File.ReadAllLines)
            .Select(l => SnippetMarker().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["source"].Value)
            .ToHashSet(StringComparer.Ordinal);
        var unused = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "tests", "Cosem.Sdk.Docs.Tests", "Snippets"), "*.cs"))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            foreach (var line in File.ReadAllLines(file))
            {
                var region = RegionStart().Match(line.Trim());
                if (region.Success && !shown.Contains($"{relative}#{region.Groups["name"].Value}"))
                {
                    unused.Add($"{relative}#{region.Groups["name"].Value}");
                }
            }
        }
        Assert.True(unused.Count == 0, "regions no page shows (show them or drop the region): " + string.Join(", ", unused));
    }

    [Fact]
    public void The_checker_finds_a_region_and_refuses_a_missing_one()
    {
        var found = Extract("tests/Cosem.Sdk.Docs.Tests/Snippets/GettingStartedSnippets.cs#first-read", out _);
        Assert.NotNull(found);
        Assert.StartsWith("await using var meter", found, StringComparison.Ordinal);
        Assert.DoesNotContain("#region", found, StringComparison.Ordinal);
        Assert.Null(Extract("tests/Cosem.Sdk.Docs.Tests/Snippets/GettingStartedSnippets.cs#no-such-region", out var problem));
        Assert.Contains("no-such-region", problem, StringComparison.Ordinal);
    }

    /// <summary>The text of <paramref name="source"/> (<c>path</c> or <c>path#region</c>), dedented; null with a reason.</summary>
    private static string? Extract(string source, out string problem)
    {
        problem = "";
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        var path = Path.Combine(Root, hash < 0 ? source : source[..hash]);
        if (!File.Exists(path))
        {
            problem = $"{source}: no such file.";
            return null;
        }
        var lines = File.ReadAllLines(path);
        if (hash < 0)
        {
            return string.Join('\n', lines).TrimEnd('\n');
        }
        var name = source[(hash + 1)..];
        var start = Array.FindIndex(lines, l => RegionStart().Match(l.Trim()) is { Success: true } m && m.Groups["name"].Value == name);
        if (start < 0)
        {
            problem = $"{source}: no region '{name}' in the file.";
            return null;
        }
        var end = Array.FindIndex(lines, start + 1, l => RegionEnd().IsMatch(l.Trim()));
        if (end < 0)
        {
            problem = $"{source}: region '{name}' is not closed.";
            return null;
        }
        var body = lines[(start + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string FindRoot()
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

    [GeneratedRegex(@"^<!-- snippet: (?<source>\S+) -->$")]
    private static partial Regex SnippetMarker();

    [GeneratedRegex(@"^(?:#region (?<name>\S+)|<!-- #region (?<name>\S+) -->)$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^(?:#endregion|<!-- #endregion -->)$")]
    private static partial Regex RegionEnd();
}
