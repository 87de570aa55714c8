using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Cli.Tests;

/// <summary>
/// <c>cosem read --access</c>: the same rows as GET against the simulated reference meter, a clear failure against a
/// meter without ACCESS, and the translator rendering the ACCESS APDUs that <c>--verbose</c> traces in hex.
/// </summary>
public sealed class ReadAccessCommandTests : IAsyncLifetime
{
    private static readonly CosemAttributeDescriptor ClockTime = new(8, new ObisCode(0, 0, 1, 0, 0, 255), 2);

    private ReferenceMeterSimulator _meter = null!;

    private string WrapperPort => _meter.WrapperEndPoint!.Port.ToString();

    public async Task InitializeAsync() =>
        _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = 0 });

    public async Task DisposeAsync() => await _meter.DisposeAsync();

    private static string[] Rows(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray()
        .Select(row => $"{row.GetProperty("obis").GetString()} {row.GetProperty("name").GetString()}").ToArray();

    [Fact]
    public async Task Walks_the_object_list_with_access_giving_the_rows_get_gives()
    {
        var get = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--all", "--json");
        var access = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--all", "--json", "--access");

        Assert.True(access.ExitCode == 0, access.Error);
        Assert.Equal(Rows(get.Output), Rows(access.Output));
        Assert.Contains("\"CSDK", access.Output); // the logical device name
    }

    [Fact]
    public async Task Reads_one_attribute_with_access_and_a_verbose_trace()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", WrapperPort, "--obis", "1.0.1.8.0.255", "--attribute", "3",
            "--xml", "--access", "--verbose");

        Assert.True(exit == 0, error);
        Assert.Equal("scaler_unit", XElement.Parse(output).Element("attribute")!.Attribute("name")!.Value);
    }

    [Fact]
    public async Task A_meter_without_access_fails_with_a_clear_message()
    {
        var device = new LogicalDevice(1)
        {
            new Clock(ClockTime.InstanceId),
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
        };
        await using var server = new CosemServer(device, new CosemServerOptions { SupportedConformance = CosemServerOptions.DefaultConformance & ~Conformance.Access })
            .Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
        await server.StartAsync();

        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", endPoint.EndPoint!.Port.ToString(), "--all", "--access");

        Assert.Equal(Cosem.Cli.Commands.ReadCommand.MeterFailed, exit);
        Assert.Contains("did not grant the ACCESS service", error);
    }

    [Fact]
    public async Task The_translator_renders_the_access_exchange()
    {
        var invoke = new LongInvokeIdAndPriority(1, confirmed: true, highPriority: true, breakOnError: true);
        var request = new AccessRequest(invoke, ReadOnlyMemory<byte>.Empty,
            [AccessRequestSpecification.Get(ClockTime), AccessRequestSpecification.Set(ClockTime)], [new byte[] { 0 }, new byte[] { 0x11, 0x05 }]);
        var response = new AccessResponse(invoke, ReadOnlyMemory<byte>.Empty, null, [new byte[] { 0x11, 0x07 }, new byte[] { 0 }],
            [AccessResponseSpecification.Get(DataAccessResult.Success), AccessResponseSpecification.Set(DataAccessResult.ReadWriteDenied)]);

        var sent = await CliRunner.RunAsync(null, "translate", Convert.ToHexString(request.ToArray()));
        var received = await CliRunner.RunAsync(null, "translate", Convert.ToHexString(response.ToArray()));

        Assert.True(sent.ExitCode == 0, sent.Error);
        var requestXml = XElement.Parse(sent.Output);
        Assert.Equal("AccessRequest", requestXml.Name.LocalName);
        Assert.Single(requestXml.Descendants("AccessRequestGet"));
        Assert.Equal("Clock", (string?)requestXml.Descendants("ClassId").First().Attribute("Name"));
        Assert.True(received.ExitCode == 0, received.Error);
        var responseXml = XElement.Parse(received.Output);
        Assert.Equal("AccessResponse", responseXml.Name.LocalName);
        Assert.Single(responseXml.Descendants("AccessResponseSet"));
    }
}
