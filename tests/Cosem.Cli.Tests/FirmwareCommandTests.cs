using System.Net;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Objects;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem firmware</c> against the simulated reference meter: a whole transfer that changes the firmware
/// version, a transfer cut by a lost link and resumed by rerunning the command, and the failures.</summary>
public sealed class FirmwareCommandTests : IAsyncLifetime
{
    private ReferenceMeterSimulator _meter = null!;
    private readonly string _image = Path.Combine(Path.GetTempPath(), $"cosem-fw-{Guid.NewGuid():N}.bin");

    private string[] Management(int port) => ["--port", port.ToString(), "--client", "1", "--auth", "low", "--password", "12345678"];

    public async Task InitializeAsync()
    {
        _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null });
        var payload = new byte[100_000];
        new Random(7).NextBytes(payload);
        await File.WriteAllBytesAsync(_image, ImageSha256Trailer.Append(payload));
    }

    public async Task DisposeAsync()
    {
        await _meter.DisposeAsync();
        File.Delete(_image);
    }

    [Fact]
    public async Task A_transfer_activates_the_image_and_the_firmware_version_changes()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null,
            ["firmware", .. Management(_meter.WrapperEndPoint!.Port), "--image", _image, "--identifier", "FW-2.0"]);

        Assert.True(exit == 0, error);
        Assert.Contains("Transferring: ", output);
        Assert.Contains("firmware activated: 100032 bytes in 196 blocks of 512, 196 sent, 0 resumed", output);
        Assert.Equal("FW-2.0", _meter.FirmwareVersion.Value.AsString());

        (exit, output, error) = await CliRunner.RunAsync(null, ["read", "--port", _meter.WrapperEndPoint!.Port.ToString(), "--obis", "1.0.0.2.0.255", "--attribute", "2"]);
        Assert.True(exit == 0, error);
        Assert.Contains("FW-2.0", output);
    }

    [Fact]
    public async Task A_rerun_after_a_lost_link_resumes_from_the_first_missing_block()
    {
        // The link dies after initiate and 60 blocks: the relay swallows every later ACTION, the tool times out.
        var actions = 0;
        await using (var relay = new DeviatingRelay(_meter.WrapperEndPoint!.Port)
        {
            FromClient = apdu => apdu[0] == 0xC3 && ++actions > 61 ? [] : null,
        })
        {
            var (exit, _, error) = await CliRunner.RunAsync(null,
                ["firmware", .. Management(relay.Port), "--image", _image, "--identifier", "FW-2.1", "--timeout", "1"]);
            Assert.Equal(1, exit);
            Assert.Contains("error:", error);
        }
        Assert.Equal(60u, FirstMissingBlock());

        var (rerun, output, rerunError) = await CliRunner.RunAsync(null,
            ["firmware", .. Management(_meter.WrapperEndPoint!.Port), "--image", _image, "--identifier", "FW-2.1"]);
        Assert.True(rerun == 0, rerunError);
        Assert.Contains("Transferring: resuming at block 60 of 196 (60 already on the meter)", output);
        Assert.Contains("136 sent, 60 resumed", output);
        Assert.Equal("FW-2.1", _meter.FirmwareVersion.Value.AsString());
    }

    [Fact]
    public async Task A_corrupt_image_exits_1_naming_the_failed_step_and_keeps_the_firmware()
    {
        var bytes = await File.ReadAllBytesAsync(_image);
        bytes[10] ^= 0x55;
        await File.WriteAllBytesAsync(_image, bytes);

        var (exit, _, error) = await CliRunner.RunAsync(null,
            ["firmware", .. Management(_meter.WrapperEndPoint!.Port), "--image", _image, "--identifier", "FW-bad"]);

        Assert.Equal(1, exit);
        Assert.Contains("image_verify", error);
        Assert.Equal("Cosem.Sdk simulator 1.0", _meter.FirmwareVersion.Value.AsString());
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null,
            ["firmware", .. Management(_meter.WrapperEndPoint!.Port), "--image", _image + ".missing", "--identifier", "FW"]);
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public async Task The_simulator_serves_compact_readings_decoded_by_the_client()
    {
        await using var client = await Cosem.Sdk.Client.CosemClient.ConnectAsync(
            Cosem.Sdk.Client.ClientTransport.Tcp("127.0.0.1", _meter.WrapperEndPoint!.Port), new Cosem.Sdk.Client.AssociationOptions { ClientAddress = 16 });
        var reading = await new CompactData.Proxy(client, ReferenceMeterSimulator.CompactReadingsName).ReadCompactAsync();
        Assert.Equal(3, reading.Values.Count);
        Assert.Equal(ReferenceMeterSimulator.ActiveEnergyImportName, reading.CaptureObjects[1].LogicalName);
        Assert.Equal(Cosem.Sdk.Axdr.DataType.DoubleLongUnsigned, reading.Values[1].Type);
        Assert.True(reading.Values[1].AsUInt64() > 1_000_000);
    }

    private uint FirstMissingBlock()
    {
        var status = _meter.FirmwareTransfer;
        var proxy = new ImageTransfer.Proxy(new LoopbackSession([status]), status.LogicalName);
        return proxy.GetImageFirstNotTransferredBlockNumberAsync().AsTask().GetAwaiter().GetResult();
    }
}
