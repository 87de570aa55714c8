using System.Text.Json;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Serial;
using Cosem.Sdk.Transport.Serial;

namespace Cosem.Cli.Tests;

/// <summary>
/// Meter commands over <c>--serial</c>: the simulated reference meter on one end of a socat pseudo-terminal pair,
/// the tool on the other, through the IEC 62056-21 mode E opening (an optical probe) or direct HDLC.
/// </summary>
public class SerialCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAgainstSerialMeterAsync(ModeEIdentification? identity, params string[] args)
    {
        await using var pair = await SocatPtyPair.StartAsync();
        await using var server = new CosemServer(ReferenceMeterSimulator.CreateLogicalDevice());
        server.Listen(ServerTransport.Serial(pair.DevicePort, identity, 9600));
        await server.StartAsync();
        return await CliRunner.RunAsync(null, [.. args, "--serial", pair.ClientPort, "--timeout", "10"]).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [SerialFact]
    public async Task Read_over_an_optical_probe_with_mode_e()
    {
        var identity = new ModeEIdentification("CSM", '5', true, "SDK-SIMULATOR");
        var (exit, output, error) = await RunAgainstSerialMeterAsync(identity, "read", "--mode-e", "--obis", "1.0.1.8.0.255", "--attribute", "3", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Equal("Wh", JsonDocument.Parse(output).RootElement[0].GetProperty("value").GetProperty("items")[1].GetProperty("name").GetString());
    }

    [SerialFact]
    public async Task List_over_direct_hdlc_with_a_baud_rate_and_addresses()
    {
        var (exit, output, error) = await RunAgainstSerialMeterAsync(null, "list", "--baud", "9600", "--client", "16", "--server", "1", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains(JsonDocument.Parse(output).RootElement.EnumerateArray(), o => o.GetProperty("class").GetString() == "Clock");
    }
}
