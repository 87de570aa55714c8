using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Client;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem read --referencing sn</c> against the simulated reference meter hosted with Association SN
/// objects, and the translator rendering the SN APDUs that <c>--verbose</c> traces in hex.</summary>
public sealed class ReadShortNameCommandTests : IAsyncLifetime
{
    private ReferenceMeterSimulator _meter = null!;

    private string WrapperPort => _meter.WrapperEndPoint!.Port.ToString();

    private string HdlcPort => _meter.HdlcEndPoint!.Port.ToString();

    public async Task InitializeAsync() => _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions
    {
        Address = IPAddress.Loopback,
        WrapperPort = 0,
        HdlcPort = 0,
        Referencing = Referencing.ShortName,
    });

    public async Task DisposeAsync() => await _meter.DisposeAsync();

    [Fact]
    public async Task Reads_one_attribute_over_short_names()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--referencing", "sn", "--port", WrapperPort,
            "--obis", "1.0.1.8.0.255", "--attribute", "3", "--json");

        Assert.True(exit == 0, error);
        var row = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray());
        Assert.Equal("Register", row.GetProperty("class").GetString());
        Assert.Equal("scaler_unit", row.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Walks_the_object_list_over_hdlc_with_short_names()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--referencing", "sn", "--hdlc", "--port", HdlcPort, "--all");

        Assert.True(exit == 0, $"{exit} {error} {output}");
        Assert.Contains("0.0.1.0.0.255", output);
        Assert.Contains("daylight_savings_enabled", output);
        Assert.Contains("capture_period", output);
    }

    [Fact]
    public async Task A_logical_name_read_of_a_short_name_meter_is_refused_with_the_diagnostic()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--obis", "0.0.1.0.0.255");

        Assert.Equal(1, exit);
        Assert.Contains("ApplicationContextNameNotSupported", error);
    }

    [Fact]
    public async Task Short_names_and_access_do_not_combine()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--referencing", "sn", "--access", "--port", WrapperPort, "--all");

        Assert.Equal(2, exit);
        Assert.Contains("--access needs LN referencing", error);
    }

    [Fact]
    public async Task The_verbose_trace_shows_sn_apdus_the_translator_renders()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--referencing", "sn", "--port", WrapperPort,
            "--obis", "0.0.1.0.0.255", "--attribute", "2", "--xml", "--verbose");
        Assert.True(exit == 0, error);
        Assert.Equal("time", XElement.Parse(output).Element("attribute")!.Attribute("name")!.Value);

        var apdus = Regex.Matches(error, @"APDU (?:TX|RX) ([0-9A-Fa-f ]+)").Select(m => m.Groups[1].Value.Replace(" ", "")).ToArray();
        var names = new List<string>();
        foreach (var hex in apdus)
        {
            var translated = await CliRunner.RunAsync(null, "translate", hex);
            Assert.True(translated.ExitCode == 0, translated.Error);
            names.Add(XElement.Parse(translated.Output).Name.LocalName);
        }
        Assert.Contains("ReadRequest", names);
        Assert.Contains("ReadResponse", names);
    }
}
