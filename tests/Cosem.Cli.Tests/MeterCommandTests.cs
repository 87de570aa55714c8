using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Cosem.Samples.MeterSimulator;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem list</c>, <c>write</c> and <c>invoke</c> against the simulated reference meter: formats, exit codes, typing.</summary>
public sealed class MeterCommandTests : IAsyncLifetime
{
    private ReferenceMeterSimulator _meter = null!;

    private string WrapperPort => _meter.WrapperEndPoint!.Port.ToString();

    private string HdlcPort => _meter.HdlcEndPoint!.Port.ToString();

    private string[] Management => ["--port", WrapperPort, "--client", "1", "--auth", "low", "--password", "12345678"];

    public async Task InitializeAsync() =>
        _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = 0 });

    public async Task DisposeAsync() => await _meter.DisposeAsync();

    [Fact]
    public async Task List_shows_classes_versions_and_access_rights_as_json()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "list", "--port", WrapperPort, "--format", "json");

        Assert.True(exit == 0, error);
        var clock = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(o => o.GetProperty("obis").GetString() == "0.0.1.0.0.255");
        Assert.Equal("Clock", clock.GetProperty("class").GetString());
        Assert.Equal(8, clock.GetProperty("classId").GetInt32());
        Assert.Equal(JsonValueKind.Number, clock.GetProperty("version").ValueKind);
        var time = clock.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("index").GetInt32() == 2);
        Assert.Equal("time", time.GetProperty("name").GetString());
        Assert.Equal("Read", time.GetProperty("access").GetString());
        Assert.NotEmpty(clock.GetProperty("methods").EnumerateArray());
    }

    [Fact]
    public async Task List_over_hdlc_as_xml_and_as_a_table()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "list", "--hdlc", "--port", HdlcPort, "--xml");
        Assert.True(exit == 0, error);
        var objects = XElement.Parse(output).Elements("object").ToArray();
        Assert.Contains(objects, o => o.Attribute("class")!.Value == "ProfileGeneric" && o.Attribute("obis")!.Value == "1.0.99.1.0.255");

        (exit, output, error) = await CliRunner.RunAsync(null, "list", "--port", WrapperPort);
        Assert.True(exit == 0, error);
        Assert.Contains("Clock (8)", output);
        Assert.Contains("time_zone", output);
    }

    [Fact]
    public async Task Write_types_the_value_from_the_class_definition()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, ["write", .. Management, "--obis", "0.0.1.0.0.255", "--attribute", "3", "--value", "-60"]);
        Assert.True(exit == 0, error);
        Assert.Contains("write done", output);

        (exit, output, error) = await CliRunner.RunAsync(null, ["read", .. Management, "--obis", "0.0.1.0.0.255", "--attribute", "3", "--format", "json"]);
        Assert.True(exit == 0, error);
        var value = JsonDocument.Parse(output).RootElement[0].GetProperty("value");
        Assert.Equal("long", value.GetProperty("type").GetString());
        Assert.Equal(-60, value.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Write_with_an_explicit_type_reports_as_json()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null,
            ["write", .. Management, "--obis", "0.0.1.0.0.255", "--attribute", "3", "--type", "long", "--value", "120", "--format", "json"]);
        Assert.True(exit == 0, error);
        Assert.Equal("Success", JsonDocument.Parse(output).RootElement.GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_refused_write_exits_1_and_says_why()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "write", "--port", WrapperPort, "--obis", "0.0.1.0.0.255", "--attribute", "3", "--value", "60", "--xml");
        Assert.Equal(1, exit);
        Assert.NotEqual("Success", XElement.Parse(output).Attribute("result")!.Value);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("--value", "sixty")]                  // not a long
    [InlineData("--value", "99999")]                  // does not fit a long
    public async Task A_value_that_does_not_fit_the_class_type_is_a_usage_error(string option, string value)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, ["write", .. Management, "--obis", "0.0.1.0.0.255", "--attribute", "3", option, value]);
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error);
    }

    [Theory]
    [InlineData("write", "--obis", "0.0.1.0.0.255", "--value", "1", "--type", "number")]    // unknown type
    [InlineData("write", "--obis", "0.0.1.0.0.255")]                                          // no value
    [InlineData("write", "--obis", "0.0.1.0.0.255", "--value", "x", "--type", "unsigned")]   // bad value for the type
    [InlineData("invoke", "--obis", "0.0.1.0.0.255")]                                         // no method
    [InlineData("invoke", "--obis", "0.0.1.0.0.255", "--method", "1", "--value", "1000")]    // needs --type
    [InlineData("list", "--mode-e")]                                                          // mode E without --serial
    [InlineData("list", "--serial", "/dev/null", "--wrapper")]                                // serial is HDLC
    [InlineData("list", "--serial", "/dev/null", "--baud", "1234")]                           // not a baud rate
    public async Task Bad_arguments_exit_2_before_connecting(params string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, [.. args, "--port", "1"]);
        Assert.Equal(2, exit);
        Assert.Contains("error", error);
    }

    [Fact]
    public async Task Invoke_runs_a_method_and_the_state_changes()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, ["invoke", .. Management, "--obis", "0.0.96.3.10.255", "--method", "1", "--format", "json"]);
        Assert.True(exit == 0, error);
        Assert.Equal("Success", JsonDocument.Parse(output).RootElement.GetProperty("result").GetString());

        (exit, output, error) = await CliRunner.RunAsync(null, ["read", .. Management, "--obis", "0.0.96.3.10.255", "--attribute", "2", "--format", "json"]);
        Assert.True(exit == 0, error);
        Assert.False(JsonDocument.Parse(output).RootElement[0].GetProperty("value").GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task A_refused_invoke_exits_1()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "invoke", "--port", WrapperPort, "--obis", "0.0.96.3.10.255", "--method", "1");
        Assert.Equal(1, exit);
        Assert.Contains("invoke refused", output);
    }

    [Fact]
    public async Task Commands_on_an_unreachable_meter_exit_1_with_one_line()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "list", "--port", "1", "--timeout", "2");
        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
    }
}
