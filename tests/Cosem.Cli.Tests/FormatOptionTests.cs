using System.Net;
using System.Text.Json;
using Cosem.Samples.MeterSimulator;

namespace Cosem.Cli.Tests;

/// <summary>One <c>--format</c> option on every command with formatted output, <c>--json</c>/<c>--xml</c> as aliases.</summary>
public sealed class FormatOptionTests : IAsyncLifetime
{
    // Green Book Ed. 8 Table 40 glo-get-request and its keys (see TranslateDecryptionTests).
    private const string GloGetRequest = "C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B";
    private const string BlockCipherKey = "000102030405060708090A0B0C0D0E0F";
    private const string AuthenticationKey = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    private const string GetClock = "C001C100080000010000FF0200";

    private ReferenceMeterSimulator _meter = null!;

    public async Task InitializeAsync() =>
        _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0 });

    public async Task DisposeAsync() => await _meter.DisposeAsync();

    [Fact]
    public async Task Translate_takes_format_json_and_the_json_alias_alike()
    {
        var (exit, byFormat, _) = await CliRunner.RunAsync(null, "translate", GetClock, "--format", "json");
        var (aliasExit, byAlias, _) = await CliRunner.RunAsync(null, "translate", GetClock, "--json");
        Assert.Equal((0, 0), (exit, aliasExit));
        Assert.Equal(byFormat, byAlias);
        JsonDocument.Parse(byFormat);
        var (xmlExit, xml, _) = await CliRunner.RunAsync(null, "translate", GetClock, "--xml");
        Assert.Equal(0, xmlExit);
        Assert.StartsWith("<", xml.TrimStart());
    }

    [Fact]
    public async Task Two_formats_at_once_are_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "translate", GetClock, "--format", "xml", "--json");
        Assert.Equal(2, exit);
        Assert.Contains("Choose one output format", error);
    }

    [Fact]
    public async Task Translate_reads_a_key_from_stdin()
    {
        var (exit, output, error) = await CliRunner.RunAsync(BlockCipherKey + "\n", "translate", GloGetRequest, "--block-cipher-key", "-",
            "--authentication-key", AuthenticationKey, "--system-title", "4D4D4D0000BC614E");
        Assert.True(exit == 0, error);
        Assert.Contains("DecryptedApdu", output);
        Assert.DoesNotContain(BlockCipherKey, output + error);
    }

    [Fact]
    public async Task Read_prints_date_times_as_iso_8601_with_their_fields_apart()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", _meter.WrapperEndPoint!.Port.ToString(),
            "--obis", "0.0.1.0.0.255", "--class", "8", "--attribute", "2", "--format", "json");
        Assert.True(exit == 0, error);
        var value = JsonDocument.Parse(output).RootElement[0].GetProperty("value");
        var text = value.GetProperty("dateTime").GetString()!;
        Assert.True(DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _), text);
        Assert.DoesNotContain(' ', text);
        Assert.Equal(JsonValueKind.Array, value.GetProperty("clockStatus").ValueKind); // the simulator's clock states its status
        Assert.True(Enum.TryParse<DayOfWeek>(value.GetProperty("dayOfWeek").GetString(), out _));
    }

    [Fact]
    public async Task Read_names_the_unit_in_every_format()
    {
        var port = _meter.WrapperEndPoint!.Port.ToString();
        foreach (var format in new[] { "table", "json", "xml" })
        {
            var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", port, "--obis", "1.0.1.8.0.255", "--attribute", "3", "--format", format);
            Assert.True(exit == 0, error);
            Assert.Contains("Wh", output);
        }
    }
}
