using Cosem.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>One test per diagnostic id: the id, the file and the line a schema author is sent to.</summary>
public class DiagnosticTests
{
    private const string Ns = "xmlns=\"urn:cosem-sdk:schema:1\"";

    // A valid class the snippets below vary; line 1 is the root element.
    private static string Class(string body, string header = "name=\"Thing\" id=\"9000\" version=\"0\"") =>
        $"<interface-class {Ns} {header}>\n" +
        "  <attribute index=\"1\" name=\"logical_name\" type=\"obis\"/>\n" +
        body +
        "</interface-class>\n";

    [Fact]
    public void COSEM001_xml_not_well_formed() =>
        // The parser notices at the mismatched end tag on line 3.
        AssertSingle("COSEM001", "bad.cosem.xml", 3, ("bad.cosem.xml", $"<types {Ns}>\n  <enum name=\"A\">\n</types>\n"));

    [Fact]
    public void COSEM002_unknown_root_element() =>
        AssertSingle("COSEM002", "root.cosem.xml", 1, ("root.cosem.xml", $"<classes {Ns}/>\n"));

    [Fact]
    public void COSEM003_required_attribute_missing() =>
        AssertSingle("COSEM003", "a.cosem.xml", 3, ("a.cosem.xml", Class("  <attribute index=\"2\" type=\"unsigned\"/>\n")));

    [Fact]
    public void COSEM004_invalid_attribute_value() =>
        AssertSingle("COSEM004", "a.cosem.xml", 3, ("a.cosem.xml", Class("  <attribute index=\"2\" name=\"x\" type=\"unsigned\" access=\"sometimes\"/>\n")));

    [Fact]
    public void COSEM005_missing_class_id() =>
        AssertSingle("COSEM005", "a.cosem.xml", 1, ("a.cosem.xml", Class("", "name=\"Thing\" version=\"0\"")));

    [Fact]
    public void COSEM005_class_id_out_of_range() =>
        AssertSingle("COSEM005", "a.cosem.xml", 1, ("a.cosem.xml", Class("", "name=\"Thing\" id=\"70000\" version=\"0\"")));

    [Fact]
    public void COSEM006_invalid_version() =>
        AssertSingle("COSEM006", "a.cosem.xml", 1, ("a.cosem.xml", Class("", "name=\"Thing\" id=\"9000\" version=\"256\"")));

    [Fact]
    public void COSEM007_duplicate_attribute_index() =>
        AssertSingle("COSEM007", "a.cosem.xml", 4, ("a.cosem.xml", Class(
            "  <attribute index=\"2\" name=\"x\" type=\"unsigned\"/>\n  <attribute index=\"2\" name=\"y\" type=\"unsigned\"/>\n")));

    [Fact]
    public void COSEM008_duplicate_method_index() =>
        AssertSingle("COSEM008", "a.cosem.xml", 4, ("a.cosem.xml", Class(
            "  <method index=\"1\" name=\"x\"/>\n  <method index=\"1\" name=\"y\"/>\n")));

    [Fact]
    public void COSEM009_attribute_1_is_not_logical_name() =>
        AssertSingle("COSEM009", "a.cosem.xml", 2, ("a.cosem.xml",
            $"<interface-class {Ns} name=\"Thing\" id=\"9000\" version=\"0\">\n  <attribute index=\"1\" name=\"value\" type=\"unsigned\"/>\n</interface-class>\n"));

    [Fact]
    public void COSEM010_unknown_type() =>
        AssertSingle("COSEM010", "a.cosem.xml", 3, ("a.cosem.xml", Class("  <attribute index=\"2\" name=\"x\" type=\"Nonexistent\"/>\n")));

    [Fact]
    public void COSEM011_duplicate_named_type() =>
        AssertSingle("COSEM011", "b.types.cosem.xml", 2,
            ("a.types.cosem.xml", $"<types {Ns}>\n  <enum name=\"Mode\"><value n=\"0\" name=\"off\"/></enum>\n</types>\n"),
            ("b.types.cosem.xml", $"<types {Ns}>\n  <enum name=\"Mode\"><value n=\"1\" name=\"on\"/></enum>\n</types>\n"));

    [Fact]
    public void COSEM012_generated_name_collision() =>
        // Method get_x generates GetXAsync, which attribute x's getter already uses.
        AssertSingle("COSEM012", "a.cosem.xml", 4, ("a.cosem.xml", Class(
            "  <attribute index=\"2\" name=\"x\" type=\"unsigned\"/>\n  <method index=\"1\" name=\"get_x\"/>\n")));

    [Fact]
    public void COSEM013_invalid_obis_code_in_device() =>
        AssertSingle("COSEM013", "d.cosem.xml", 2, ("d.cosem.xml",
            $"<device {Ns} name=\"Meter\">\n  <object member=\"Clock\" class=\"8\" logical-name=\"0.0.1.0.0.256\"/>\n</device>\n"));

    [Fact]
    public void COSEM014_unknown_class_in_device() =>
        AssertSingle("COSEM014", "d.cosem.xml", 2, ("d.cosem.xml",
            $"<device {Ns} name=\"Meter\">\n  <object member=\"Clock\" class=\"Clock\" logical-name=\"0.0.1.0.0.255\"/>\n</device>\n"));

    [Fact]
    public void COSEM017_capture_on_an_object_that_is_not_a_profile() =>
        AssertSingle("COSEM017", "d.cosem.xml", 2,
            ("r.cosem.xml", $"<interface-class {Ns} name=\"R\" id=\"3\" version=\"0\">\n  <attribute index=\"1\" name=\"logical_name\" type=\"obis\"/>\n</interface-class>\n"),
            ("d.cosem.xml", $"<device {Ns} name=\"Meter\">\n  <object member=\"Energy\" class=\"R\" logical-name=\"1.0.1.8.0.255\">\n"
                + "    <capture name=\"time\" class=\"R\" logical-name=\"0.0.1.0.0.255\" attribute=\"2\" type=\"date-time\"/>\n  </object>\n</device>\n"));

    [Fact]
    public void COSEM017_capture_of_an_object_the_device_does_not_have() =>
        AssertSingle("COSEM017", "d.cosem.xml", 3,
            ("p.cosem.xml", $"<interface-class {Ns} name=\"P\" id=\"7\" version=\"1\">\n  <attribute index=\"1\" name=\"logical_name\" type=\"obis\"/>\n</interface-class>\n"),
            ("d.cosem.xml", $"<device {Ns} name=\"Meter\">\n  <object member=\"Profile\" class=\"P\" logical-name=\"1.0.99.1.0.255\">\n"
                + "    <capture name=\"time\" object=\"Clock\" attribute=\"2\" type=\"date-time\"/>\n  </object>\n</device>\n"));

    [Fact]
    public void COSEM015_duplicate_enum_value() =>
        AssertSingle("COSEM015", "t.cosem.xml", 4, ("t.cosem.xml",
            $"<types {Ns}>\n  <enum name=\"Mode\">\n    <value n=\"0\" name=\"off\"/>\n    <value n=\"0\" name=\"none\"/>\n  </enum>\n</types>\n"));

    [Fact]
    public void COSEM016_unknown_element_is_a_warning()
    {
        var diagnostic = AssertSingle("COSEM016", "a.cosem.xml", 3, ("a.cosem.xml", Class("  <atribute index=\"2\" name=\"x\" type=\"unsigned\"/>\n")));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void COSEM017_array_of_array() =>
        AssertSingle("COSEM017", "a.cosem.xml", 3, ("a.cosem.xml", Class("  <attribute index=\"2\" name=\"x\" type=\"array\" of=\"array\"/>\n")));

    [Fact]
    public void COSEM018_generator_failure_is_reported_not_thrown()
    {
        var (_, result, _) = GeneratorHarness.Run([new UnreadableText("/schema/broken.cosem.xml")]);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("COSEM018", diagnostic.Id);
        Assert.Equal("/schema/broken.cosem.xml", diagnostic.Location.GetLineSpan().Path);
        Assert.Null(result.Results.Single().Exception);
    }

    [Fact]
    public void COSEM019_invalid_identifier() =>
        AssertSingle("COSEM019", "a.cosem.xml", 1, ("a.cosem.xml", Class("", "name=\"9Lives\" id=\"9000\" version=\"0\"")));

    [Fact]
    public void COSEM020_duplicate_class_id_and_version() =>
        AssertSingle("COSEM020", "b.cosem.xml", 1,
            ("a.cosem.xml", Class("", "name=\"First\" id=\"9000\" version=\"0\"")),
            ("b.cosem.xml", Class("", "name=\"Second\" id=\"9000\" version=\"0\"")));

    [Fact]
    public void COSEM021_unknown_attribute_is_a_warning_with_a_suggestion()
    {
        var diagnostic = AssertSingle("COSEM021", "a.cosem.xml", 3, ("a.cosem.xml", Class("  <attribute index=\"2\" name=\"x\" type=\"unsigned\" acess=\"read\"/>\n")));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("'acess' is not an attribute of <attribute> and is ignored; did you mean 'access'?", diagnostic.GetMessage());
        // The location is the misspelt attribute itself, not its element.
        Assert.Equal("  <attribute index=\"2\" name=\"x\" type=\"unsigned\" ".Length, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void COSEM021_without_a_close_match_suggests_nothing() =>
        Assert.Equal("'colour' is not an attribute of <value> and is ignored", AssertSingle("COSEM021", "t.cosem.xml", 3, ("t.cosem.xml",
            $"<types {Ns}>\n  <enum name=\"Mode\">\n    <value n=\"0\" name=\"off\" colour=\"red\"/>\n  </enum>\n</types>\n")).GetMessage());

    [Fact]
    public void COSEM022_a_class_with_the_id_and_version_of_a_blue_book_class() =>
        AssertSingleWith("COSEM022", "mine.cosem.xml", 1, Reference("sdk-clock.cosem.xml"),
            ("sdk-clock.cosem.xml", Class("", "name=\"Clock\" id=\"8\" version=\"0\"")),
            ("mine.cosem.xml", Class("", "name=\"MyClock\" id=\"8\" version=\"0\"")));

    [Fact]
    public void A_class_with_errors_emits_nothing_but_the_others_still_generate()
    {
        var (_, result, _) = GeneratorHarness.Run(
        [
            GeneratorHarness.Text("bad.cosem.xml", Class("  <attribute index=\"2\" name=\"x\" type=\"Nonexistent\"/>\n", "name=\"Bad\" id=\"9000\" version=\"0\"")),
            GeneratorHarness.Text("good.cosem.xml", Class("  <attribute index=\"2\" name=\"x\" type=\"unsigned\"/>\n", "name=\"Good\" id=\"9001\" version=\"0\"")),
        ]);
        var hints = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Contains("Test.Generated.Good.g.cs", hints);
        Assert.DoesNotContain("Test.Generated.Bad.g.cs", hints);
    }

    private static Diagnostic AssertSingle(string id, string file, int line, params (string Name, string Text)[] files) =>
        AssertSingleWith(id, file, line, null, files);

    /// <summary>CosemReference="true" item metadata for <paramref name="file"/>, as the SDK's targets give its Blue Book schema.</summary>
    internal static Dictionary<string, IReadOnlyDictionary<string, string>> Reference(string file) =>
        new() { [Path.Combine("/schema", file)] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CosemReference"] = "true" } };

    private static Diagnostic AssertSingleWith(string id, string file, int line,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadata, params (string Name, string Text)[] files)
    {
        var (_, result, _) = GeneratorHarness.Run(files.Select(f => GeneratorHarness.Text(f.Name, f.Text)), metadata);
        var matching = result.Diagnostics.Where(d => d.Id == id).ToList();
        var diagnostic = Assert.Single(matching);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path.Combine("/schema", file), span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("COSEM", d.Id));
        return diagnostic;
    }

    private sealed class UnreadableText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            throw new IOException("The disk is on fire.");
    }
}
