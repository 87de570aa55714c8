using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Server;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem read</c> against the simulated reference meter on loopback (both transports), and its argument checks.</summary>
public sealed class ReadCommandTests : IAsyncLifetime
{
    private ReferenceMeterSimulator _meter = null!;

    private string WrapperPort => _meter.WrapperEndPoint!.Port.ToString();

    private string HdlcPort => _meter.HdlcEndPoint!.Port.ToString();

    public async Task InitializeAsync() =>
        _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = 0 });

    public async Task DisposeAsync() => await _meter.DisposeAsync();

    [Fact]
    public async Task Reads_one_attribute_as_json()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--obis", "1.0.1.8.0.255", "--attribute", "3", "--json");
        Assert.True(exit == 0, error);
        var row = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray());
        Assert.Equal("1.0.1.8.0.255", row.GetProperty("obis").GetString());
        Assert.Equal("Register", row.GetProperty("class").GetString());
        Assert.Equal("scaler_unit", row.GetProperty("name").GetString());
        var items = row.GetProperty("value").GetProperty("items");
        Assert.Equal("enum", items[1].GetProperty("type").GetString());
        Assert.Equal(30, items[1].GetProperty("value").GetInt32()); // numbers stay numbers
        Assert.Equal("Wh", items[1].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Number, items[0].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Walks_the_whole_object_list_over_hdlc_as_a_table()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--hdlc", "--port", HdlcPort, "--all");
        Assert.True(exit == 0, error);
        Assert.Contains("0.0.1.0.0.255", output);
        Assert.Contains("daylight_savings_enabled", output);
        Assert.Contains("1.0.99.1.0.255", output);
        Assert.Contains("capture_period", output);
        Assert.Contains("\"CSDK", output); // the logical device name, shown as text
    }

    [Fact]
    public async Task Reads_as_the_management_client_with_a_password_as_xml()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--client", "1", "--auth", "low", "--password", "12345678",
            "--obis", "0.0.1.0.0.255", "--attribute", "2", "--xml");
        Assert.True(exit == 0, error);
        var attribute = XElement.Parse(output).Element("attribute")!;
        Assert.Equal("time", attribute.Attribute("name")!.Value);
        Assert.NotNull(attribute.Element("octetString")!.Attribute("dateTime"));
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_meters_diagnostic()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--client", "1", "--auth", "low", "--password", "nope", "--all");
        Assert.Equal(1, exit);
        Assert.Contains("AuthenticationFailure", error);
    }

    [Fact]
    public async Task A_refused_attribute_is_reported_and_fails()
    {
        // Data (class 1) has no attribute 9: the meter answers object-undefined.
        var (exit, output, _) = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--obis", "0.0.96.1.0.255", "--attribute", "9");
        Assert.Equal(1, exit);
        Assert.Contains("ObjectUndefined", output);
    }

    [Fact]
    public async Task An_unreachable_meter_fails_with_a_message()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", "1", "--obis", "0.0.1.0.0.255", "--timeout", "2");
        Assert.Equal(1, exit);
        Assert.StartsWith("error:", error);
    }

    [Theory]
    [InlineData("error: Nothing to read", "read")]
    [InlineData("error: Give either --obis or --all", "read", "--all", "--obis", "0.0.1.0.0.255")]
    [InlineData("error: Choose one output format, not json and xml", "read", "--all", "--json", "--xml")]
    [InlineData("error: Choose one output format, not table and xml", "read", "--all", "--format", "table", "--xml")]
    [InlineData("error: Choose one of --hdlc and --wrapper", "read", "--all", "--hdlc", "--wrapper")]
    [InlineData("error: --auth low needs --password", "read", "--all", "--auth", "low")]
    [InlineData("error: --password is only used with --auth low", "read", "--all", "--password", "x")]
    [InlineData("is not an OBIS code", "read", "--obis", "1.2.3")]
    [InlineData("is not a TCP port", "read", "--all", "--port", "70000")]
    [InlineData("is not an attribute index", "read", "--obis", "0.0.1.0.0.255", "--attribute", "0")]
    public async Task Bad_arguments_exit_with_2_and_say_why(string message, params string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task An_unknown_authentication_is_refused_by_the_parser()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--all", "--auth", "high");
        Assert.NotEqual(0, exit);
        Assert.Contains("high", error);
    }
}
