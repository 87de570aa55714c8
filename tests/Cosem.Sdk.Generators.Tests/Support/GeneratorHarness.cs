using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Generators.Tests.Support;

/// <summary>Runs <see cref="CosemGenerator"/> over in-memory schema files and compiles what it produces.</summary>
internal static class GeneratorHarness
{
    /// <summary>The CosemNamespace build property the harness sets, so generated names are Test.Generated.X.</summary>
    public const string Namespace = "Test.Generated";

    /// <summary>Parse options shared by the driver and added syntax trees; they must match for incremental caching.</summary>
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

    /// <summary>The test schema files (Inputs/*.cosem.xml) as copied next to the test binaries.</summary>
    public static string InputsDirectory => Path.Combine(AppContext.BaseDirectory, "Inputs");

    /// <summary>One file of <see cref="InputsDirectory"/>, under a fixed /schema path so diagnostics do not depend on the machine.</summary>
    public static InMemoryAdditionalText Input(string fileName) =>
        new(Path.Combine("/schema", fileName), File.ReadAllText(Path.Combine(InputsDirectory, fileName)));

    /// <summary>An inline schema file under /schema, for diagnostic tests.</summary>
    public static InMemoryAdditionalText Text(string fileName, string content) => new(Path.Combine("/schema", fileName), content);

    /// <summary>A library compilation over <paramref name="trees"/> with nullable enabled, referencing the runtime and Cosem.Sdk.</summary>
    public static CSharpCompilation CreateCompilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create(
            "GeneratorTest",
            trees,
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// A driver with step tracking on; RootNamespace is Test.Root, and CosemNamespace is <paramref name="cosemNamespace"/>
    /// (null leaves it unset, to test the fallback).
    /// </summary>
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
