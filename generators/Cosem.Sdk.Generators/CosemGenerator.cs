using System;
using System.Collections.Immutable;
using System.Linq;
using Cosem.Sdk.Generators.Emitting;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cosem.Sdk.Generators;

/// <summary>
/// Generates typed COSEM interface classes (server base, client proxy, value types, registration) and device
/// facades from schema files (schema/README.md) passed as AdditionalFiles.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CosemGenerator : IIncrementalGenerator
{
    /// <summary>
    /// Wires the pipeline: parse each schema file, build the catalog of names, resolve per-class and per-device models,
    /// then emit. Every step yields equatable values, so an edit re-runs only what depends on it.
    /// </summary>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Compilation-wide settings, reduced to one equatable value.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Resolver.ReadOptions(
                GetGlobal(provider, "build_property.CosemNamespace"), GetGlobal(provider, "build_property.RootNamespace")))
            .WithTrackingName(TrackingNames.Options);

        // 1. One parse per schema file. The AdditionalText goes no further than this step.
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => (File: pair.Left, Options: Classify(pair.Left, pair.Right.GetOptions(pair.Left))))
            .Where(static x => x.Options is not null)
            .Select(static (x, ct) => Guard(x.File.Path, () => SchemaParser.Parse(x.File.Path, x.File.GetText(ct), x.Options!.Value, ct),
                failure => new SchemaFile(x.File.Path, false, null, EquatableArray<NamedTypeSpec>.Empty, null, failure)))
            .WithTrackingName(TrackingNames.ParseSchema);

        // 2. The catalog of every named type and class in the compilation, for cross-file names.
        var catalogResult = files.Collect()
            .Combine(options)
            .Select(static (x, _) => Guard("(catalog)", () => Resolver.BuildCatalog(x.Left, x.Right),
                failure => new ModelResult<SchemaCatalog>(null, failure)))
            .WithTrackingName(TrackingNames.BuildCatalog);
        var catalog = catalogResult
            .Select(static (x, _) => x.Model ?? new SchemaCatalog("Cosem.Generated", EquatableArray<NamedTypeModel>.Empty, EquatableArray<ClassSummary>.Empty))
            .WithTrackingName(TrackingNames.Catalog);

        // 3. Per-class and per-device emission models; their equality gates re-emission.
        var classResults = files
            .Where(static f => f.Class is not null && !f.IsReference)
            .Combine(catalog)
            .Select(static (x, _) => Guard(x.Left.Path, () => Resolver.BuildClass(x.Left, x.Right),
                failure => new ModelResult<ClassModel>(null, failure)));
        var classes = classResults
            .Select(static (x, _) => x.Model)
            .WithTrackingName(TrackingNames.ClassModel);
        var namedTypes = catalog
            .SelectMany(static (c, _) => c.Types.Where(t => !t.IsReference && t.ClrType is null).ToImmutableArray())
            .WithTrackingName(TrackingNames.NamedTypeModel);
        var deviceResults = files
            .Where(static f => f.Device is not null && !f.IsReference)
            .Combine(catalog)
            .Select(static (x, _) => Guard(x.Left.Path, () => Resolver.BuildDevice(x.Left, x.Right),
                failure => new ModelResult<DeviceModel>(null, failure)));
        var devices = deviceResults
            .Select(static (x, _) => x.Model)
            .WithTrackingName(TrackingNames.DeviceModel);
        var registry = classes
            .Where(static c => c is not null)
            .Collect()
            .Combine(catalog)
            .Select(static (x, _) => Resolver.BuildRegistry(x.Left!, x.Right))
            .WithTrackingName(TrackingNames.Registry);

        // 4. Diagnostics and sources are separate outputs, so a moved line re-reports without re-emitting.
        // Reference files belong to another assembly (the SDK's own schema): their problems are not the user's.
        context.RegisterSourceOutput(
            files.Select(static (f, _) => f.IsReference ? EquatableArray<DiagnosticInfo>.Empty : f.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(catalogResult.Select(static (c, _) => c.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(classResults.Select(static (c, _) => c.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(deviceResults.Select(static (d, _) => d.Diagnostics), ReportDiagnostics);

        context.RegisterSourceOutput(classes, static (spc, model) =>
        {
            if (model is not null)
            {
                Emit(spc, model.Namespace + "." + model.Name, () => InterfaceClassEmitter.Emit(model));
            }
        });
        context.RegisterSourceOutput(namedTypes, static (spc, model) =>
            Emit(spc, model.Namespace + "." + model.Name, () => ValueTypeEmitter.Emit(model)));
        context.RegisterSourceOutput(devices, static (spc, model) =>
        {
            if (model is not null)
            {
                Emit(spc, model.Namespace + "." + model.Name, () => DeviceEmitter.Emit(model));
            }
        });
        context.RegisterSourceOutput(registry, static (spc, model) =>
        {
            if (model is not null)
            {
                Emit(spc, model.Namespace + "." + RegistryEmitter.ClassName, () => RegistryEmitter.Emit(model));
            }
        });
    }

    // AdditionalFiles named *.cosem.xml, or carrying CosemSchema="true" item metadata (build/Cosem.Sdk.props).
    private static SchemaFileOptions? Classify(AdditionalText file, AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_metadata.AdditionalFiles.CosemSchema", out string? flag);
        bool byName = file.Path.EndsWith(".cosem.xml", StringComparison.OrdinalIgnoreCase);
        bool isSchema = string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)
            || (byName && !string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase));
        if (!isSchema)
        {
            return null;
        }
        options.TryGetValue("build_metadata.AdditionalFiles.CosemReference", out string? reference);
        options.TryGetValue("build_metadata.AdditionalFiles.CosemNamespace", out string? ns);
        return new SchemaFileOptions(
            string.Equals(reference, "true", StringComparison.OrdinalIgnoreCase),
            string.IsNullOrWhiteSpace(ns) || !Naming.IsValidNamespace(ns!.Trim()) ? null : ns.Trim());
    }

    private static string? GetGlobal(AnalyzerConfigOptionsProvider provider, string key) =>
        provider.GlobalOptions.TryGetValue(key, out string? value) ? value : null;

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void Emit(SourceProductionContext context, string name, Func<string> emit)
    {
        string text;
        try
        {
            text = emit();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, name, e.Message));
            return;
        }
        context.AddSource(name + ".g.cs", Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8));
    }

    // A bug in the generator must surface as a diagnostic, never as an exception that fails the whole build.
    private static T Guard<T>(string path, Func<T> work, Func<EquatableArray<DiagnosticInfo>, T> failure)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(path, 1, 1), path, e.GetType().Name + ": " + e.Message);
            return failure(new[] { diagnostic }.ToEquatableArray());
        }
    }
}
