namespace Cosem.Cli.Tests;

/// <summary><c>cosem wireshark</c> without tshark: what it writes, that it writes the same bytes every time, and its errors.</summary>
public sealed class WiresharkCommandTests : IDisposable
{
    /// <summary>A manufacturer class in a user's schema directory (also used by the tshark test).</summary>
    internal const string AcmeWidgetSchema = """
        <?xml version="1.0" encoding="utf-8"?>
        <interface-class xmlns="urn:cosem-sdk:schema:1" name="AcmeWidget" id="9000" version="0">
          <summary>A manufacturer-specific widget.</summary>
          <attribute index="1" name="logical_name" type="obis" kind="static"/>
          <attribute index="2" name="spin_rate" type="long-unsigned"/>
          <attribute index="3" name="mode" type="enum" enum="WidgetMode"/>
          <attribute index="4" name="settings" type="WidgetSettings" access="read-write"/>
          <method index="1" name="spin" parameter="long-unsigned"/>
          <enum name="WidgetMode" type="enum">
            <value n="0" name="idle"/>
            <value n="1" name="spinning"/>
          </enum>
          <structure name="WidgetSettings">
            <field name="level" type="unsigned"/>
            <field name="since" type="date-time"/>
          </structure>
        </interface-class>
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("cosem-wireshark-cmd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Writes_the_same_dissector_every_time_with_every_schema_class_and_the_ports()
    {
        string first = Path.Combine(_directory, "a.lua");
        string second = Path.Combine(_directory, "b.lua");
        Assert.Equal(0, (await CliRunner.RunAsync(null, "wireshark", "--output", first, "--tcp-port", "4100", "--udp-port", "4101", "--hdlc-port", "4102")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(null, "wireshark", "-o", second, "--tcp-port", "4100", "--udp-port", "4101", "--hdlc-port", "4102")).ExitCode);
        byte[] bytes = await File.ReadAllBytesAsync(first);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(second));

        string lua = await File.ReadAllTextAsync(first);
        Assert.Contains("local CONFIG = { wrapper_tcp_port = 4100, wrapper_udp_port = 4101, hdlc_tcp_port = 4102 }", lua);
        // The wire carries a class id without its version, so each id is named after its highest version in the schemas.
        var newest = Directory.GetFiles(SchemaDirectory(), "*.cosem.xml")
            .Select(schema => System.Xml.Linq.XDocument.Load(schema).Root!)
            .Where(root => root.Name.LocalName == "interface-class")
            .GroupBy(root => root.Attribute("id")!.Value)
            .Select(versions => versions.MaxBy(root => int.Parse(root.Attribute("version")?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture))!);
        foreach (var root in newest)
        {
            Assert.Contains($"[{root.Attribute("id")!.Value}] = {{ name = \"{root.Attribute("name")!.Value}\"", lua);
        }
        Assert.Contains("[\"ClockStatus\"] = { k = \"flags\"", lua);
        Assert.DoesNotContain("\r", lua);
    }

    [Fact]
    public async Task Every_apdu_of_the_translator_grammar_has_a_decoder()
    {
        var (exit, output, _) = await CliRunner.RunAsync(null, "wireshark", "--output", "-");
        Assert.Equal(0, exit);
        foreach (string apdu in new[] { "GetRequestNormal", "SetRequestWithList", "ActionResponseWithPblock", "DataNotification", "EventNotificationRequest",
            "ExceptionResponse", "AccessRequest", "ReadRequest", "InformationReportRequest", "GeneralGloCiphering", "GeneralSigning",
            "GeneralBlockTransfer", "GloGetRequest", "DedActionResponse", "Aarq", "Aare", "Rlrq", "Rlre", "InitiateRequest", "ConfirmedServiceError" })
        {
            Assert.Contains($"\"{apdu}\"", output);
        }
    }

    [Fact]
    public async Task A_users_schema_class_is_added()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "acme.cosem.xml"), AcmeWidgetSchema);
        var (exit, output, error) = await CliRunner.RunAsync(null, "wireshark", "--output", "-", "--schema", _directory);
        Assert.True(exit == 0, error);
        Assert.Contains("[9000] = { name = \"AcmeWidget\"", output);
        Assert.Contains("[4] = { name = \"settings\", type = { k = \"named\", n = \"WidgetSettings\" } }", output);
        Assert.Contains("--   user: acme.cosem.xml", output);
    }

    [Fact]
    public async Task A_schema_file_with_errors_is_refused_with_its_place_and_diagnostic()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "broken.cosem.xml"), "<interface-class xmlns=\"urn:cosem-sdk:schema:1\" name=\"Broken\" version=\"0\"/>");
        var (exit, _, error) = await CliRunner.RunAsync(null, "wireshark", "--output", Path.Combine(_directory, "x.lua"), "--schema", _directory);
        Assert.Equal(2, exit);
        Assert.Contains("broken.cosem.xml(1,", error);
        Assert.Contains("COSEM0", error);
        Assert.False(File.Exists(Path.Combine(_directory, "x.lua")));
    }

    [Theory]
    [InlineData("--schema", "/nonexistent/schemas", "no such directory")]
    [InlineData("--tcp-port", "70000", "is not a port")]
    [InlineData("--hdlc-port", "4059", "one TCP port carries one framing")]
    public async Task Bad_arguments_exit_with_a_usage_error(string option, string value, string message)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "wireshark", "--output", Path.Combine(_directory, "x.lua"), option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    private static string SchemaDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "schema", "classes")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory!.FullName, "schema", "classes");
    }
}
