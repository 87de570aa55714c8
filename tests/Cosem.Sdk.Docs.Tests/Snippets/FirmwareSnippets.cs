using System.Net;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Docs.Tests.Snippets;

/// <summary>docs/firmware-and-compact-data.md: an image transfer object and a compact data object served, then
/// used by a client.</summary>
public sealed class FirmwareSnippets
{
    [Fact]
    public async Task A_firmware_image_is_transferred_activated_and_compact_data_decoded()
    {
        #region image-transfer-server
        var firmwareVersion = new Data(ObisCode.Parse("1.0.0.2.0.255")) { Value = CosemData.VisibleString("1.0") };
        var transfer = new ImageTransferServer(ImageTransferServer.DefaultLogicalName, blockSize: 512, maxImageSize: 4 << 20)
        {
            // Called once the image is verified and image_activate arrives: switch to the new image here.
            Activating = (image, _) =>
            {
                firmwareVersion.Value = CosemData.VisibleString(System.Text.Encoding.ASCII.GetString(image.Identifier.Span));
                return default;
            },
        };
        var energy = new Register(ObisCode.Parse("1.0.1.8.0.255")) { Value = CosemData.FromUInt32(1234), ScalerUnit = new ScalerUnit(0, Unit.WattHour) };
        var compact = new CompactDataServer(ObisCode.Parse("0.0.66.0.1.255")) { CaptureMethod = CompactDataCaptureMethod.ImplicitCaptureOnRead }
            .Capture(firmwareVersion).Capture(energy);
        #endregion
        var device = new LogicalDevice(1) { firmwareVersion, transfer, energy, compact, new AssociationLnServer(ObisCode.Parse("0.0.40.0.1.255"), 16) };
        await using var server = new CosemServer(device).Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var wrapper);
        await server.StartAsync();
        await using var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", wrapper.EndPoint!.Port), new AssociationOptions { ClientAddress = 16 });
        var firmware = ImageSha256Trailer.Append(new byte[100_000]);

        #region transfer-image
        var proxy = new ImageTransfer.Proxy(client, ImageTransferServer.DefaultLogicalName);
        var progress = new Progress<ImageTransferProgress>(p => Console.WriteLine($"{p.Stage}: {p.BlocksDone}/{p.BlocksTotal}"));
        try
        {
            await using var image = new MemoryStream(firmware);           // or File.OpenRead("fw.bin")
            var result = await proxy.TransferImageAsync("2.0"u8.ToArray(), image, progress);
            Console.WriteLine($"{result.BlocksSent} blocks sent, {result.BlocksResumed} already on the meter");
        }
        catch (CosemImageTransferException ex)                        // which step failed: ex.Failure
        {
            Console.WriteLine($"{ex.Failure}: {ex.Message}");         // rerun after a cut line: it resumes
            throw;
        }
        #endregion

        #region read-compact
        var reading = await new CompactData.Proxy(client, ObisCode.Parse("0.0.66.0.1.255")).ReadCompactAsync();
        for (var i = 0; i < reading.Values.Count; i++)
        {
            Console.WriteLine($"{reading.CaptureObjects[i].LogicalName}: {reading.Values[i]}");
        }
        #endregion

        Assert.Equal("2.0", firmwareVersion.Value.AsString());
        Assert.Equal("2.0", reading.Values[0].AsString());
        Assert.Equal(1234u, reading.Values[1].AsUInt64());
    }
}
