using Cosem.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>MSBuild settings the generator honours: reference files, namespaces and file selection.</summary>
public class SchemaOptionsTests
{
    private const string Ns = "xmlns=\"urn:cosem-sdk:schema:1\"";

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Metadata(params (string File, string Key, string Value)[] entries) =>
        entries.GroupBy(e => Path.Combine("/schema", e.File)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, string>)g.ToDictionary(e => "build_metadata.AdditionalFiles." + e.Key, e => e.Value));

    private static readonly string Gauge =
        $"<interface-class {Ns} name=\"Gauge\" id=\"9100\" version=\"0\">\n" +
        "  <attribute index=\"1\" name=\"logical_name\" type=\"obis\"/>\n" +
        "  <attribute index=\"2\" name=\"scaler_unit\" type=\"ScalerUnit\"/>\n" +
        "</interface-class>\n";

    [Fact]
    public void Reference_files_resolve_names_but_emit_nothing()
    {
        var files = new[] { GeneratorHarness.Input("common.types.cosem.xml"), GeneratorHarness.Input("clock.cosem.xml"), GeneratorHarness.Text("gauge.cosem.xml", Gauge) };
        var metadata = Metadata(
            ("common.types.cosem.xml", "CosemReference", "true"), ("common.types.cosem.xml", "CosemNamespace", "Vendor.Objects"),
            ("clock.cosem.xml", "CosemReference", "true"), ("clock.cosem.xml", "CosemNamespace", "Vendor.Objects"));
        var (_, result, _) = GeneratorHarness.Run(files, metadata);

        Assert.Empty(result.Diagnostics);
        var hints = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Test.Generated.CosemGeneratedClasses.g.cs", "Test.Generated.Gauge.g.cs"], hints);
        string gauge = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Gauge.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public global::Vendor.Objects.ScalerUnit ScalerUnit { get; set; }", gauge);
    }

    [Fact]
    public void A_device_can_list_classes_of_reference_files()
    {
        var device = $"<device {Ns} name=\"Meter\">\n  <object member=\"Clock\" class=\"Clock\" logical-name=\"0.0.1.0.0.255\"/>\n</device>\n";
        var files = new[] { GeneratorHarness.Input("common.types.cosem.xml"), GeneratorHarness.Input("clock.cosem.xml"), GeneratorHarness.Text("meter.cosem.xml", device) };
        var metadata = Metadata(
            ("common.types.cosem.xml", "CosemReference", "true"), ("clock.cosem.xml", "CosemReference", "true"),
            ("clock.cosem.xml", "CosemNamespace", "Vendor.Objects"));
        var (_, result, _) = GeneratorHarness.Run(files, metadata);

        Assert.Empty(result.Diagnostics);
        string meter = Assert.Single(result.GeneratedTrees).ToString();
        Assert.Contains("public global::Vendor.Objects.Clock.Proxy Clock { get; }", meter);
    }

    [Fact]
    public void Problems_in_reference_files_are_not_reported()
    {
        var broken = GeneratorHarness.Text("sdk.cosem.xml", $"<types {Ns}><enum name=\"X\"><value n=\"x\" name=\"a\"/></enum></types>");
        var (_, result, _) = GeneratorHarness.Run([broken], Metadata(("sdk.cosem.xml", "CosemReference", "true")));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_local_type_hides_a_referenced_one_of_the_same_name()
    {
        var local = GeneratorHarness.Text("local.types.cosem.xml",
            $"<types {Ns}>\n  <structure name=\"ScalerUnit\"><field name=\"scaler\" type=\"integer\"/></structure>\n</types>\n");
        var files = new[] { GeneratorHarness.Input("common.types.cosem.xml"), local, GeneratorHarness.Text("gauge.cosem.xml", Gauge) };
        var (_, result, output) = GeneratorHarness.Run(files, Metadata(("common.types.cosem.xml", "CosemReference", "true")));

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Test.Generated.ScalerUnit.g.cs", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
    }

    [Fact]
    public void Namespace_comes_from_the_element_then_the_item_then_the_project()
    {
        string Named(string name, string extra = "") =>
            $"<interface-class {Ns} name=\"{name}\" id=\"{9200 + name.Length}\" version=\"0\" {extra}>\n" +
            "  <attribute index=\"1\" name=\"logical_name\" type=\"obis\"/>\n</interface-class>\n";
        var files = new[]
        {
            GeneratorHarness.Text("a.cosem.xml", Named("A", "namespace=\"From.Element\"")),
            GeneratorHarness.Text("bb.cosem.xml", Named("Bb")),
            GeneratorHarness.Text("ccc.cosem.xml", Named("Ccc")),
        };
        var (_, result, output) = GeneratorHarness.Run(files, Metadata(
            ("a.cosem.xml", "CosemNamespace", "From.Item"), ("bb.cosem.xml", "CosemNamespace", "From.Item")));

        var hints = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Contains("From.Element.A.g.cs", hints);
        Assert.Contains("From.Item.Bb.g.cs", hints);
        Assert.Contains("Test.Generated.Ccc.g.cs", hints);
        Assert.Empty(GeneratorHarness.CompileErrors(output));
    }

    [Fact]
    public void Without_CosemNamespace_the_root_namespace_is_used()
    {
        var driver = GeneratorHarness.CreateDriver([GeneratorHarness.Input("data.cosem.xml")], cosemNamespace: null);
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult();
        Assert.Contains(result.GeneratedTrees, t => Path.GetFileName(t.FilePath) == "Test.Root.Data.g.cs");
    }

    [Fact]
    public void Only_cosem_xml_files_or_files_marked_CosemSchema_are_read()
    {
        var marked = GeneratorHarness.Text("valve.xml", File.ReadAllText(Path.Combine(GeneratorHarness.InputsDirectory, "data.cosem.xml")));
        var ignored = GeneratorHarness.Text("notes.xml", "<not-schema/>");
        var optedOut = GeneratorHarness.Text("old.cosem.xml", "<broken");
        var (_, result, _) = GeneratorHarness.Run([marked, ignored, optedOut],
            Metadata(("valve.xml", "CosemSchema", "true"), ("old.cosem.xml", "CosemSchema", "false")));
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedTrees, t => Path.GetFileName(t.FilePath) == "Test.Generated.Data.g.cs");
    }
}
