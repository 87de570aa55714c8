using Cosem.Sdk.Generators.Tests.Support;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>What the generator emits compiles against the runtime with no warning at all.</summary>
public class CompilationTests
{
    [Fact]
    public void Generated_code_compiles_without_diagnostics()
    {
        var (_, result, output) = GeneratorHarness.Run(GoldenTests.AllInputs.Select(GeneratorHarness.Input));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(18, result.GeneratedTrees.Length); // the Golden/Schema set
        var errors = GeneratorHarness.CompileErrors(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(30)));
    }
}
