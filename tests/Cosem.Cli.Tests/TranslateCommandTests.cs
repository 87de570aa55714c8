using System.Text.Json;
using System.Xml.Linq;

namespace Cosem.Cli.Tests;

public sealed class TranslateCommandTests : IDisposable
{
    // Green Book GET.request-normal: Clock 0.0.1.0.0.255, attribute 2.
    private const string GetRequestHex = "C001C100080000010000FF0200";

    private readonly string _directory = Directory.CreateTempSubdirectory("cosem-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Translates_hex_to_xml()
    {
        var (code, output, error) = await CliRunner.RunAsync(null, "translate", GetRequestHex);
        Assert.Equal(0, code);
        Assert.Empty(error);
        var root = XElement.Parse(output);
        Assert.Equal("GetRequest", root.Name.LocalName);
        Assert.Equal("Clock", (string?)root.Descendants("ClassId").Single().Attribute("Name"));
        Assert.Equal("0.0.1.0.0.255", (string?)root.Descendants("InstanceId").Single().Attribute("Value"));
    }

    [Fact]
    public async Task Accepts_spaces_prefixes_and_newlines_in_hex()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "translate", "0xC0 0x01 C1", "00 08\n00 00 01 00 00 FF\r\n02 00");
        Assert.Equal(0, code);
        Assert.Contains("<GetRequestNormal>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Translates_to_json()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "translate", GetRequestHex, "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var normal = json.RootElement.GetProperty("GetRequest").GetProperty("GetRequestNormal");
        Assert.Equal("Clock", normal.GetProperty("AttributeDescriptor").GetProperty("ClassId").GetProperty("Name").GetString());
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Round_trips_through_to_hex_with_a_file(string format)
    {
        var (_, translated, _) = await CliRunner.RunAsync(null, "translate", GetRequestHex, "--format", format);
        string path = WriteFile("apdu." + format, translated);
        var (code, output, error) = await CliRunner.RunAsync(null, "translate", "--to-hex", path);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(GetRequestHex, output.Trim());

        var (fileCode, fileOutput, _) = await CliRunner.RunAsync(null, "translate", "--to-hex", "--file", path);
        Assert.Equal(0, fileCode);
        Assert.Equal(GetRequestHex, fileOutput.Trim());
    }

    [Fact]
    public async Task Reads_hex_from_stdin()
    {
        var (code, output, _) = await CliRunner.RunAsync("C0 01 C1 00 08 00 00 01 00 00 FF 02 00\n", "translate");
        Assert.Equal(0, code);
        Assert.Contains("Name=\"Clock\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_xml_and_json_from_stdin_with_to_hex()
    {
        var (_, xml, _) = await CliRunner.RunAsync(null, "translate", GetRequestHex);
        var (code, output, _) = await CliRunner.RunAsync(xml, "translate", "--to-hex");
        Assert.Equal(0, code);
        Assert.Equal(GetRequestHex, output.Trim());

        var (_, json, _) = await CliRunner.RunAsync(null, "translate", GetRequestHex, "--format", "json");
        var (jsonCode, jsonOutput, _) = await CliRunner.RunAsync(json, "translate", "--to-hex");
        Assert.Equal(0, jsonCode);
        Assert.Equal(GetRequestHex, jsonOutput.Trim());
    }

    [Fact]
    public async Task Reads_hex_text_or_raw_bytes_from_a_file()
    {
        string hexFile = WriteFile("apdu.hex", "C0 01 C1 00 08\n00 00 01 00 00 FF 02 00\n");
        var (code, output, _) = await CliRunner.RunAsync(null, "translate", "--file", hexFile);
        Assert.Equal(0, code);
        Assert.Contains("<GetRequestNormal>", output, StringComparison.Ordinal);

        string binFile = Path.Combine(_directory, "apdu.bin");
        File.WriteAllBytes(binFile, Convert.FromHexString(GetRequestHex));
        var (binCode, binOutput, _) = await CliRunner.RunAsync(null, "translate", "-f", binFile);
        Assert.Equal(0, binCode);
        Assert.Contains("<GetRequestNormal>", binOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_hex_exits_2_naming_the_byte()
    {
        var (code, output, error) = await CliRunner.RunAsync(null, "translate", "C0 0G");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("byte 1", error, StringComparison.Ordinal);
        Assert.Contains("'G'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Odd_digit_count_exits_2()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "translate", "C001C");
        Assert.Equal(2, code);
        Assert.Contains("byte 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_apdu_exits_2_naming_offset_and_field()
    {
        var (code, output, error) = await CliRunner.RunAsync(null, "translate", "C001C1000800");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("At byte 5", error, StringComparison.Ordinal);
        Assert.Contains("InstanceId", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_xml_exits_2_naming_the_line()
    {
        var (code, _, error) = await CliRunner.RunAsync("<GetRequest>\n<Oops/>\n</GetRequest>", "translate", "--to-hex");
        Assert.Equal(2, code);
        Assert.Contains("Line 2", error, StringComparison.Ordinal);
        Assert.Contains("/GetRequest/Oops", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_exits_2()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "translate", "--to-hex", Path.Combine(_directory, "missing.xml"));
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_input_exits_2()
    {
        var (code, _, error) = await CliRunner.RunAsync("", "translate");
        Assert.Equal(2, code);
        Assert.Contains("No hex digits", error, StringComparison.Ordinal);
    }
}
