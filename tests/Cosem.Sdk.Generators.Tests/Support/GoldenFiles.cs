using System.Runtime.CompilerServices;

namespace Cosem.Sdk.Generators.Tests.Support;

/// <summary>
/// Compares generated sources with reviewed golden files (Golden/&lt;Case&gt;/&lt;HintName&gt;.txt). Run with
/// UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff. The generator's assembly version
/// is stored as <see cref="VersionPlaceholder"/>, so a version bump leaves the golden files alone.
/// </summary>
internal static class GoldenFiles
{
    /// <summary>Stands for the generator's version in <c>[GeneratedCode("Cosem.Sdk.Generators", ...)]</c> inside golden files.</summary>
    public const string VersionPlaceholder = "{GeneratorVersion}";

    /// <summary>The version the generator writes into <c>[GeneratedCode]</c>: its own assembly version.</summary>
    public static string GeneratorVersion { get; } = typeof(CosemGenerator).Assembly.GetName().Version!.ToString();

    /// <summary>The golden folder of one case, in the source tree (not the build output), so updates land in git.</summary>
    public static string Directory(string caseName) => Path.Combine(TestsDirectory(), "Golden", caseName);

    /// <summary>The <c>[GeneratedCode]</c> arguments as the generator writes them for <paramref name="version"/>.</summary>
    public static string GeneratedCodeArguments(string version) => "GeneratedCode(\"Cosem.Sdk.Generators\", \"" + version + "\")";

    /// <summary>Generated text as golden files hold it: \n line endings and the version replaced by the placeholder.</summary>
    public static string Normalize(string generated) =>
        generated.ReplaceLineEndings("\n").Replace(GeneratedCodeArguments(GeneratorVersion), GeneratedCodeArguments(VersionPlaceholder), StringComparison.Ordinal);

    /// <summary>
    /// Asserts that <paramref name="generated"/> (hint name + ".txt" → normalized text) is exactly the golden set of
    /// <paramref name="caseName"/>: the same file names and the same text. With UPDATE_GOLDEN=1 the golden set is
    /// first rewritten from <paramref name="generated"/>, stale files included.
    /// </summary>
    public static void AssertMatch(string caseName, IReadOnlyDictionary<string, string> generated)
    {
        string directory = Directory(caseName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(directory);
            foreach (var stale in System.IO.Directory.GetFiles(directory, "*.txt").Where(f => !generated.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }
            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }
        }

        var golden = System.IO.Directory.GetFiles(directory, "*.txt").ToDictionary(
            f => Path.GetFileName(f),
            f => File.ReadAllText(f).ReplaceLineEndings("\n"));
        Assert.Equal(golden.Keys.Order(StringComparer.Ordinal), generated.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in golden)
        {
            Assert.True(text == generated[name], $"{caseName}/{name} differs from its golden file; run with UPDATE_GOLDEN=1 and review the diff.");
        }
    }

    // This file is Support/GoldenFiles.cs; the golden folders sit next to Support/.
    private static string TestsDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
