using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Cosem.Sdk.Generators.Tests.Support;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>schema/cosem-schema.xsd accepts the schema files and the README's example, and rejects a broken one.</summary>
public partial class SchemaXsdTests
{
    private static string RepositoryRoot()
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Cosem.Sdk.sln")))
        {
            root = Path.GetDirectoryName(root);
        }
        return root ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static List<string> Validate(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("urn:cosem-sdk:schema:1", Path.Combine(RepositoryRoot(), "schema", "cosem-schema.xsd"));
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
        string classes = Path.Combine(RepositoryRoot(), "schema");
        foreach (var file in Directory.GetFiles(classes, "*.cosem.xml", SearchOption.AllDirectories))
        {
            Assert.True(Validate(File.ReadAllText(file)) is { Count: 0 } , file + ": " + string.Join("; ", Validate(File.ReadAllText(file))));
        }
    }

    [Fact]
    public void The_readme_example_validates()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "schema", "README.md"));
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
        Assert.NotEmpty(Validate(xml));
    }

    [GeneratedRegex("## One full example\\s+```xml\\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExample();
}
