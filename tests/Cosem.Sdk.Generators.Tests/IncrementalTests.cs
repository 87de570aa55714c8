using System.Collections;
using System.Reflection;
using Cosem.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>
/// The pipeline caches: an edit that cannot change the output re-runs nothing, and pipeline values never hold
/// compiler objects (which would root whole compilations in the IDE).
/// </summary>
public class IncrementalTests
{
    private static readonly string[] ModelSteps =
    [
        TrackingNames.ParseSchema, TrackingNames.BuildCatalog, TrackingNames.Catalog, TrackingNames.NamedTypeModel,
        TrackingNames.ClassModel, TrackingNames.DeviceModel, TrackingNames.Registry,
    ];

    private static List<InMemoryAdditionalText> Inputs() => GoldenTests.AllInputs.Select(GeneratorHarness.Input).ToList();

    [Fact]
    public void An_unrelated_source_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Inputs()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in ModelSteps.Append(TrackingNames.Options))
        {
            var reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }
    }

    [Fact]
    public void A_whitespace_only_schema_edit_is_unchanged_after_parsing()
    {
        var inputs = Inputs();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(inputs).RunGenerators(compilation);

        // Trailing blanks and a final newline move no element: the parsed spec is equal.
        var clock = inputs.Single(i => i.Path.EndsWith("clock.cosem.xml", StringComparison.Ordinal));
        var touched = new InMemoryAdditionalText(clock.Path, clock.Content.Replace("/>\n", "/>   \n") + "\n\n");
        var result = driver.ReplaceAdditionalText(clock, touched).RunGenerators(compilation).GetRunResult().Results.Single();

        var parse = Reasons(result, TrackingNames.ParseSchema);
        Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Unchanged));
        Assert.All(parse, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(Reasons(result, TrackingNames.ClassModel), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.Catalog), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void A_comment_that_moves_lines_reparses_but_does_not_change_the_class_model()
    {
        var inputs = Inputs();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(inputs).RunGenerators(compilation);

        var clock = inputs.Single(i => i.Path.EndsWith("clock.cosem.xml", StringComparison.Ordinal));
        var commented = new InMemoryAdditionalText(clock.Path, clock.Content.Replace("<summary>", "<!-- reviewed -->\n  <summary>"));
        var result = driver.ReplaceAdditionalText(clock, commented).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.ParseSchema));
        var classReasons = Reasons(result, TrackingNames.ClassModel);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, classReasons);
        Assert.DoesNotContain(IncrementalStepRunReason.New, classReasons);
    }

    [Fact]
    public void Adding_a_schema_file_parses_only_the_new_file()
    {
        string[] first = ["common.types.cosem.xml", "data.cosem.xml"];
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(first.Select(GeneratorHarness.Input)).RunGenerators(compilation);

        var result = driver.AddAdditionalTexts([GeneratorHarness.Input("register.cosem.xml")])
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(
            [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.New],
            Reasons(result, TrackingNames.ParseSchema));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Test.Generated.Register.g.cs");
    }

    [Fact]
    public void Editing_one_class_re_emits_only_that_class()
    {
        var inputs = Inputs();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(inputs).RunGenerators(compilation);

        var data = inputs.Single(i => i.Path.EndsWith("/data.cosem.xml", StringComparison.Ordinal));
        var edited = new InMemoryAdditionalText(data.Path, data.Content.Replace("sn-offset=\"0x08\"", "sn-offset=\"0x10\""));
        var result = driver.ReplaceAdditionalText(data, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var classReasons = Reasons(result, TrackingNames.ClassModel);
        Assert.Equal(1, classReasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(Reasons(result, TrackingNames.NamedTypeModel), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void Pipeline_values_hold_no_compiler_objects()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var result = GeneratorHarness.CreateDriver(Inputs()).RunGenerators(compilation).GetRunResult().Results.Single();

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        // Only our steps: the driver's own input steps (AdditionalTexts, Compilation, …) are tracked too.
        foreach (var (name, steps) in result.TrackedSteps.Where(s => ModelSteps.Contains(s.Key) || s.Key == TrackingNames.Options))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoCompilerObjects(output.Value, name, visited);
            }
        }
        Assert.NotEmpty(visited);
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is DiagnosticDescriptor)
        {
            return;
        }
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or AdditionalText,
            $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
            {
                AssertNoCompilerObjects(item, $"{path}[{i++}]", visited);
            }
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), path + "." + field.Name, visited);
        }
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
            : [];
}
