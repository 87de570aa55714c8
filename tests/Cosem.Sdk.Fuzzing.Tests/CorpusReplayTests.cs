namespace Cosem.Sdk.Fuzzing.Tests;

/// <summary>
/// Every seed (fuzz/corpus/TARGET) and every input a fuzzer once failed on (fuzz/regressions/TARGET) runs through
/// its target, uninstrumented, under the same failure policy as fuzzing: a regression input that fails again is a
/// regression. The targets themselves are tested to detect what they must (<see cref="FuzzPolicyTests"/>).
/// </summary>
[Collection(FuzzPolicyTests.Serial)]
public class CorpusReplayTests
{
    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_and_regression_input_passes(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var files = InputsOf("corpus", name).Concat(InputsOf("regressions", name)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var failure = Record.Exception(() => FuzzPolicy.RunOnce(target, input));
            Assert.True(failure is null, $"{Path.GetFileName(file)}: {failure}");
        }
    }

    [Fact]
    public void Each_target_has_seeds()
    {
        foreach (var target in FuzzTargets.All)
        {
            Assert.True(InputsOf("corpus", target.Name).Any(), $"fuzz/corpus/{target.Name} is empty");
        }
    }

    internal static IEnumerable<string> InputsOf(string kind, string target)
    {
        var folder = Path.Combine(RepositoryRoot, "fuzz", kind, target);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Order() : [];
    }

    internal static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cosem.Sdk.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cosem.Sdk.sln not found above the test output folder.");
    }
}
