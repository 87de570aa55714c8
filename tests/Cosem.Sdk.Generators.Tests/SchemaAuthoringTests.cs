using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Schema;
using Cosem.Sdk.Generators.Parsing;
using Cosem.Sdk.Generators.Tests.Support;
using Cosem.Sdk.Obis;
using Microsoft.CodeAnalysis;
using CosemClassRegistry = Cosem.Sdk.Objects.CosemClassRegistry;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>
/// What helps a schema author: replacing a Blue Book class on purpose, help links that lead somewhere, the
/// known-attribute table agreeing with the XSD, and xsi attributes passing unremarked.
/// </summary>
public class SchemaAuthoringTests
{
    private const string Ns = "xmlns=\"urn:cosem-sdk:schema:1\"";

    private static string Class(string header, string body = "") =>
        $"<interface-class {Ns} {header}>\n" +
        "  <attribute index=\"1\" name=\"logical_name\" type=\"obis\"/>\n" +
        body +
        "</interface-class>\n";

    // The user's Clock (8, 0) against a reference file standing in for the SDK's Blue Book schema.
    private static (GeneratorDriverRunResult Result, Compilation Output) RunReplacement()
    {
        var files = new[]
        {
            GeneratorHarness.Text("sdk-clock.cosem.xml", Class("name=\"Clock\" id=\"8\" version=\"0\"")),
            GeneratorHarness.Text("my-clock.cosem.xml", Class("name=\"MyClock\" id=\"8\" version=\"0\" replaces=\"blue-book\"",
                "  <attribute index=\"2\" name=\"vendor_time\" type=\"double-long-unsigned\"/>\n")),
        };
        var (_, result, output) = GeneratorHarness.Run(files, DiagnosticTests.Reference("sdk-clock.cosem.xml"));
        return (result, output);
    }

    [Fact]
    public void A_class_marked_replaces_blue_book_is_generated_and_registered_instead()
    {
        var (result, output) = RunReplacement();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        string registry = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("CosemGeneratedClasses.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("global::Test.Generated.MyClock.ClassInfo,", registry);
    }

    [Fact]
    public void A_device_object_of_the_replaced_class_uses_the_replacement()
    {
        var files = new[]
        {
            GeneratorHarness.Text("sdk-clock.cosem.xml", Class("name=\"Clock\" id=\"8\" version=\"0\"")),
            GeneratorHarness.Text("my-clock.cosem.xml", Class("name=\"MyClock\" id=\"8\" version=\"0\" replaces=\"blue-book\"")),
            GeneratorHarness.Text("meter.cosem.xml",
                $"<device {Ns} name=\"Meter\">\n  <object member=\"Clock\" class=\"8\" logical-name=\"0.0.1.0.0.255\"/>\n</device>\n"),
        };
        var (_, result, _) = GeneratorHarness.Run(files, DiagnosticTests.Reference("sdk-clock.cosem.xml"));

        Assert.Empty(result.Diagnostics);
        string meter = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Meter.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("global::Test.Generated.MyClock.Proxy Clock", meter);
    }

    [Fact]
    public void The_registry_resolves_the_replaced_id_and_version_to_the_users_class()
    {
        var (_, output) = RunReplacement();
        using var image = new MemoryStream();
        var emitted = output.WithAssemblyName("ReplacementTest" + Guid.NewGuid().ToString("N")).Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());
        var sdk = typeof(CosemClassRegistry).Assembly;
        var logicalName = new ObisCode(0, 0, 1, 0, 0, 255);

        // Registration order at run time: the user's module initializer reaches CosemClassRegistry, so the SDK's own
        // initializer (Blue Book classes) has run before it; the user's registration comes last and wins.
        var registry = new CosemClassRegistry();
        if (sdk.GetType("Cosem.Sdk.Objects.CosemGeneratedClasses") is { } sdkClasses)
        {
            sdkClasses.GetMethod("RegisterAll")!.Invoke(null, [registry]);
            Assert.True(registry.TryGet(8, 0, out var blueBook));
            Assert.Equal(sdk, blueBook.CreateServer(logicalName).GetType().Assembly);
        }
        assembly.GetType("Test.Generated.CosemGeneratedClasses")!.GetMethod("RegisterAll")!.Invoke(null, [registry]);
        Assert.True(registry.TryGet(8, 0, out var info));
        Assert.Equal("Test.Generated.MyClock", info.CreateServer(logicalName).GetType().FullName);

        // And the real path: the module initializer registers it with the default registry.
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        Assert.True(CosemClassRegistry.Default.TryGet(8, 0, out var byDefault));
        Assert.Equal(assembly, byDefault.CreateServer(logicalName).GetType().Assembly);
    }

    [Fact]
    public void Replacing_needs_no_reference_class()
    {
        // Without the SDK's schema (CosemReferenceSdkSchema=false) there is nothing to replace; the mark is harmless.
        var (_, result, _) = GeneratorHarness.Run([GeneratorHarness.Text("my-clock.cosem.xml", Class("name=\"MyClock\" id=\"8\" version=\"0\" replaces=\"blue-book\""))]);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Xsi_and_other_namespaced_attributes_are_not_unknown_attributes()
    {
        string xml =
            "<interface-class xmlns=\"urn:cosem-sdk:schema:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n" +
            "    xsi:schemaLocation=\"urn:cosem-sdk:schema:1 cosem-schema.xsd\" name=\"Thing\" id=\"9000\" version=\"0\">\n" +
            "  <attribute index=\"1\" name=\"logical_name\" type=\"obis\"/>\n" +
            "</interface-class>\n";
        var (_, result, _) = GeneratorHarness.Run([GeneratorHarness.Text("a.cosem.xml", xml)]);
        Assert.Empty(result.Diagnostics);
    }

    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_diagnostic_links_to_its_entry_in_the_schema_readme(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        string anchor = id.ToLowerInvariant();
        Assert.Equal(DiagnosticDescriptors.RepositoryUrl + "/blob/main/schema/README.md#" + anchor, descriptor.HelpLinkUri);
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "README.md"));
        Assert.Contains($"<a id=\"{anchor}\"></a>", readme, StringComparison.Ordinal);
        string releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "generators", "Cosem.Sdk.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " | " + descriptor.Title, releases, StringComparison.Ordinal);
    }

    [Fact]
    public void The_known_attribute_table_matches_the_xsd()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(SchemaParser.SchemaNamespace, Path.Combine(RepositoryPaths.Root, "schema", "cosem-schema.xsd"));
        schemas.Compile();
        var fromXsd = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (XmlSchemaElement root in schemas.GlobalElements.Values)
        {
            Collect(root, fromXsd);
        }

        var fromTable = SchemaAttributes.Known.ToDictionary(p => p.Key, p => new SortedSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal(fromXsd.Keys.Order(StringComparer.Ordinal), fromTable.Keys.Order(StringComparer.Ordinal));
        foreach (var (element, attributes) in fromXsd)
        {
            Assert.True(attributes.SetEquals(fromTable[element]),
                $"<{element}>: XSD [{string.Join(", ", attributes)}], table [{string.Join(", ", fromTable[element])}]");
        }
    }

    [Theory]
    [InlineData("acess", "access")]
    [InlineData("indx", "index")]
    [InlineData("sn_offset", "sn-offset")]
    [InlineData("colour", null)]
    [InlineData("id", null)]
    public void Suggestions_are_within_two_edits(string written, string? expected) =>
        Assert.Equal(expected, SchemaAttributes.ClosestMatch(written, SchemaAttributes.Known["attribute"]));

    // Every element declaration reachable from a root, by name: an element name means the same attributes wherever it occurs.
    private static void Collect(XmlSchemaElement element, Dictionary<string, SortedSet<string>> found)
    {
        var complex = element.ElementSchemaType as XmlSchemaComplexType;
        var attributes = new SortedSet<string>(
            complex?.AttributeUses.Values.Cast<XmlSchemaAttribute>().Select(a => a.QualifiedName.Name) ?? [], StringComparer.Ordinal);
        string name = element.QualifiedName.Name;
        if (found.TryGetValue(name, out var seen))
        {
            Assert.True(seen.SetEquals(attributes), $"<{name}> is declared with different attributes in different places");
            return;
        }
        found.Add(name, attributes);
        foreach (var child in Children(complex?.ContentTypeParticle))
        {
            Collect(child, found);
        }
    }

    private static IEnumerable<XmlSchemaElement> Children(XmlSchemaParticle? particle) => particle switch
    {
        XmlSchemaElement element => [element],
        XmlSchemaGroupBase group => group.Items.Cast<XmlSchemaParticle>().SelectMany(Children),
        _ => [],
    };

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal);
}
