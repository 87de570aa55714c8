using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.EndToEnd;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// The image transfer flow over HDLC (the meter's serial or optical port, here HDLC over TCP) as well as the wrapper:
/// blocks larger than the HDLC information field are segmented and reassembled, a whole transfer activates, and a
/// transfer cut mid-way resumes on a new association from the first missing block.
/// </summary>
public class ImageTransferOverHdlcTests
{
    private static readonly byte[] Identifier = "FW-HDLC-1"u8.ToArray();

    private static async Task<(LoopbackMeter Meter, ImageTransferServer Transfer)> StartAsync()
    {
        var meter = new LoopbackMeter();
        // 300-byte blocks: more than the 128-byte HDLC information field, so every block is segmented.
        var transfer = new ImageTransferServer(ImageTransferServer.DefaultLogicalName, 300, 1 << 20);
        meter.Device.Add(transfer);
        await meter.Server.StartAsync();
        return (meter, transfer);
    }

    private static Task<CosemClient> ConnectAsync(LoopbackMeter meter, Action<DroppingChannel>? created = null) =>
        CosemClient.ConnectAsync(DroppingChannel.Wrap(meter.Transport(hdlc: true), created ?? (_ => { })), new AssociationOptions
        {
            ClientAddress = 1,
            Authentication = Authentication.Low(LoopbackMeter.Password),
            RequestTimeout = TimeSpan.FromSeconds(20),
        });

    [Fact]
    public async Task A_whole_transfer_over_hdlc_verifies_and_activates()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        var image = ImageTransferEndToEndTests.Image(6_000);

        await using var client = await ConnectAsync(meter);
        var result = await new ImageTransfer.Proxy(client, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(image));

        var blocks = (uint)((image.Length + 299) / 300);
        Assert.Equal(blocks, result.BlocksSent);
        Assert.True(result.Activated);
        Assert.Equal(image, transfer.ActiveImage!.Image.ToArray());
        Assert.Equal(ImageTransferStatus.ImageActivationSuccessful, transfer.CurrentStatus);
    }

    [Fact]
    public async Task A_transfer_cut_over_hdlc_resumes_from_the_first_missing_block()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        var image = ImageTransferEndToEndTests.Image(9_000);
        var blocks = (uint)((image.Length + 299) / 300);

        // The AARQ, the reads and initiate of the flow (6 sends), then 12 blocks, then the line drops.
        await using (var first = await ConnectAsync(meter, channel => channel.DropAfterSends = 6 + 12))
        {
            var error = await Assert.ThrowsAsync<CosemTransportException>(() =>
                new ImageTransfer.Proxy(first, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(image)));
            Assert.Equal(TransportErrorKind.ConnectionClosed, error.Kind);
        }
        await using var second = await ConnectAsync(meter);
        var result = await new ImageTransfer.Proxy(second, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(image));

        Assert.Equal(12u, result.BlocksResumed);
        Assert.Equal(blocks - 12, result.BlocksSent);
        Assert.Equal(image, transfer.ActiveImage!.Image.ToArray());
    }
}
