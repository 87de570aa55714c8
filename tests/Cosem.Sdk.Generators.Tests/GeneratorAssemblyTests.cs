using System.Diagnostics;
using System.Reflection;
using Cosem.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>Facts about the shipped generator assembly and about running it over every schema file we have.</summary>
public class GeneratorAssemblyTests(ITestOutputHelper output)
{
    [Fact]
    public void The_generator_binds_to_a_compiler_no_newer_than_Roslyn_4_14()
    {
        // The .NET 10 SDK compiler (Roslyn 5.9) skips analyzers built against a newer compiler (CS9057); 4.14 loads
        // in every compiler since.
        var references = typeof(CosemGenerator).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp")
            .ToList();
        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.True(r.Version <= new Version(4, 14, 0, 0), $"{r.Name} {r.Version}"));
        Assert.Equal("netstandard", typeof(CosemGenerator).Assembly.GetReferencedAssemblies().Single(a => a.Name == "netstandard").Name);
    }

    [Fact]
    public void The_generator_carries_the_generator_attribute_for_CSharp()
    {
        var attribute = typeof(CosemGenerator).GetCustomAttribute<GeneratorAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal([LanguageNames.CSharp], attribute.Languages);
    }

    /// <summary>
    /// Regenerates every schema file of the repository (schema/classes and schema/devices, when present, plus the test inputs) and
    /// compiles the result. The duration is printed for the closing note; speed is measured properly in
    /// tests/Cosem.Sdk.Benchmarks (GeneratorBenchmarks), not asserted here.
    /// </summary>
    [Fact]
    public void Every_schema_file_in_the_repository_generates_code_that_compiles()
    {
        var files = RepositorySchemaFiles().Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p))).ToList();
        var perFile = files.ToDictionary(
            f => f.Path,
            f => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                // Test inputs duplicate some Blue Book classes; give them their own namespace.
                ["build_metadata.AdditionalFiles.CosemNamespace"] = f.Path.Contains("Inputs", StringComparison.Ordinal) ? "Test.Inputs" : "Test.BlueBook",
            });
        var blueBook = files.Where(f => !f.Path.Contains("Inputs", StringComparison.Ordinal)).ToList();
        var inputs = files.Except(blueBook).ToList();

        foreach (var set in new[] { blueBook, inputs }.Where(s => s.Count > 0))
        {
            var stopwatch = Stopwatch.StartNew();
            var driver = GeneratorHarness.CreateDriver(set, perFile)
                .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var compiled, out var diagnostics);
            stopwatch.Stop();
            var result = driver.GetRunResult();
            output.WriteLine($"Generated {result.GeneratedTrees.Length} files from {set.Count} schema files in {stopwatch.ElapsedMilliseconds} ms (first run, including JIT).");
            Assert.Empty(diagnostics);
            Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            var errors = GeneratorHarness.CompileErrors(compiled);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        }
        Assert.NotEmpty(inputs);
    }

    private static IEnumerable<string> RepositorySchemaFiles()
    {
        var inputs = Directory.GetFiles(GeneratorHarness.InputsDirectory, "*.cosem.xml");
        // schema/classes and schema/devices; COSEM_SCHEMA_DIR points at another schema folder (e.g. a branch's checkout).
        string schema = RepositoryPaths.SchemaDirectory;
        var blueBook = Directory.Exists(schema) ? Directory.GetFiles(schema, "*.cosem.xml", SearchOption.AllDirectories) : [];
        return blueBook.Concat(inputs).Order(StringComparer.Ordinal);
    }
}
