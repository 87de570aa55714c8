using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Cosem.Sdk.Generators.Tests.Support;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>schema/cosem-schema.xsd accepts the schema files and the README's example, and rejects a broken one.</summary>
public partial class SchemaXsdTests
{
    private static List<string> Validate(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("urn:cosem-sdk:schema:1", Path.Combine(RepositoryPaths.Root, "schema", "cosem-schema.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    public static TheoryData<string> SchemaFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GeneratorHarness.InputsDirectory, "*.cosem.xml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Test_inputs_validate(string file) =>
        Assert.Empty(Validate(File.ReadAllText(Path.Combine(GeneratorHarness.InputsDirectory, file))));

    [Fact]
    public void Repository_schema_files_validate()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "schema"), "*.cosem.xml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var errors = Validate(File.ReadAllText(file));
            Assert.True(errors.Count == 0, file + ": " + string.Join("; ", errors));
        }
    }

    [Fact]
    public void Repository_schema_files_name_the_xsd_for_editors()
    {
        // Editors follow xsi:schemaLocation ("namespace path", the path relative to the file) to validate and complete.
        string xsd = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "schema", "cosem-schema.xsd"));
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "schema"), "*.cosem.xml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "Cosem.Sdk.Generators.Tests", "Inputs"), "*.cosem.xml"));
        foreach (string file in files)
        {
            var root = System.Xml.Linq.XDocument.Load(file).Root!;
            string? location = (string?)root.Attribute(System.Xml.Linq.XName.Get("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance"));
            Assert.True(location is not null, file + " has no xsi:schemaLocation");
            var parts = location!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["urn:cosem-sdk:schema:1", parts[^1]], parts);
            Assert.Equal(xsd, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, parts[1])));
        }
    }

    [Fact]
    public void The_readme_example_validates()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "README.md"));
        var example = ReadmeExample().Match(readme);
        Assert.True(example.Success);
        Assert.Empty(Validate(example.Groups[1].Value));
    }

    [Fact]
    public void A_misspelt_access_value_is_rejected()
    {
        string xml = """
            <interface-class xmlns="urn:cosem-sdk:schema:1" name="X" id="9000" version="0">
              <attribute index="1" name="logical_name" type="obis" access="readonly"/>
            </interface-class>
            """;
        var error = Assert.Single(Validate(xml));
        Assert.Contains("readonly", error, StringComparison.Ordinal);
    }

    [GeneratedRegex("## One full example\\s+```xml\\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExample();
}
