using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Generators.Tests.Support;

/// <summary>Runs <see cref="CosemGenerator"/> over in-memory schema files and compiles what it produces.</summary>
internal static class GeneratorHarness
{
    public const string Namespace = "Test.Generated";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        // The runtime's assemblies plus Cosem.Sdk and Cosem.Sdk.Codec, as a project referencing the package sees them.
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var sdk = new[] { typeof(Cosem.Sdk.ObjectModel.CosemObject).Assembly.Location, typeof(Cosem.Sdk.Obis.ObisCode).Assembly.Location };
        return trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                                  || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(sdk)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static string InputsDirectory => Path.Combine(AppContext.BaseDirectory, "Inputs");

    public static InMemoryAdditionalText Input(string fileName) =>
        new(Path.Combine("/schema", fileName), File.ReadAllText(Path.Combine(InputsDirectory, fileName)));

    public static InMemoryAdditionalText Text(string fileName, string content) => new(Path.Combine("/schema", fileName), content);

    public static CSharpCompilation CreateCompilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create(
            "GeneratorTest",
            trees,
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText> files,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null,
        string? cosemNamespace = Namespace)
    {
        var globals = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Test.Root" };
        if (cosemNamespace is not null)
        {
            globals["build_property.CosemNamespace"] = cosemNamespace;
        }
        return CSharpGeneratorDriver.Create(
            [new CosemGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            new TestOptionsProvider(globals, perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once over <paramref name="files"/>.</summary>
    public static (GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output) Run(
        IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null)
    {
        var driver = CreateDriver(files, perFile);
        driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _);
        return (driver, driver.GetRunResult(), output);
    }

    /// <summary>Compiler diagnostics of warning severity and above, the way a build with warnings as errors sees them.</summary>
    public static IReadOnlyList<Diagnostic> CompileErrors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
