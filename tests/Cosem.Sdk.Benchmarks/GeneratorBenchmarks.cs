using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cosem.Sdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// Full regeneration of every schema file in the repository (schema/classes and schema/devices) from a cold
/// driver, as a clean build does. Target: under 2 s.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _schemaFiles;
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Cosem.Sdk.sln")))
        {
            root = Path.GetDirectoryName(root);
        }
        var schema = Path.Combine(root ?? throw new InvalidOperationException("Run from inside the repository."), "schema");
        _schemaFiles = [.. Directory.GetFiles(schema, "*.cosem.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (AdditionalText)new SchemaFile(path, File.ReadAllText(path)))];
        _compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("class Empty {}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // A benchmark of a generator that produced nothing would measure nothing.
        int generated = RegenerateAllSchemaFiles();
        if (_schemaFiles.Length < 25 || generated < _schemaFiles.Length)
        {
            throw new InvalidOperationException($"Expected code for every schema file: {_schemaFiles.Length} files gave {generated} sources.");
        }
        Console.WriteLine($"// {_schemaFiles.Length} schema files -> {generated} generated sources");
    }

    [Benchmark]
    public int RegenerateAllSchemaFiles()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CosemGenerator().AsSourceGenerator()], additionalTexts: _schemaFiles);
        driver = driver.RunGenerators(_compilation);
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    private sealed class SchemaFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
