using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.EndToEnd;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// The image transfer flow between our client and our server over the TCP wrapper: a whole transfer with
/// activation, a transfer cut mid-way and resumed on a new association from the first missing block, and the
/// failures each step reports.
/// </summary>
public class ImageTransferEndToEndTests
{
    private static readonly byte[] Identifier = "FW-2.0.0"u8.ToArray();

    internal static byte[] Image(int payloadBytes, int seed = 1)
    {
        var payload = new byte[payloadBytes];
        new Random(seed).NextBytes(payload);
        return ImageSha256Trailer.Append(payload);
    }

    private static async Task<(LoopbackMeter Meter, ImageTransferServer Transfer)> StartAsync(uint blockSize = 128, uint maxImageSize = 1 << 20)
    {
        var meter = new LoopbackMeter();
        var transfer = new ImageTransferServer(ImageTransferServer.DefaultLogicalName, blockSize, maxImageSize);
        meter.Device.Add(transfer);
        await meter.Server.StartAsync();
        return (meter, transfer);
    }

    private static Task<CosemClient> ConnectAsync(LoopbackMeter meter, Action<DroppingChannel>? created = null) =>
        CosemClient.ConnectAsync(DroppingChannel.Wrap(meter.Transport(hdlc: false), created ?? (_ => { })), new AssociationOptions
        {
            ClientAddress = 1,
            Authentication = Authentication.Low(LoopbackMeter.Password),
            RequestTimeout = TimeSpan.FromSeconds(20),
        });

    private sealed class Recorder : IProgress<ImageTransferProgress>
    {
        public List<ImageTransferProgress> Reports { get; } = [];

        public void Report(ImageTransferProgress value) => Reports.Add(value);
    }

    [Fact]
    public async Task A_whole_transfer_verifies_and_activates_the_image()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        ImageActivation? activated = null;
        transfer.Activating = (image, _) => { activated = image; return default; };
        var image = Image(10_000);
        var progress = new Recorder();

        await using var client = await ConnectAsync(meter);
        var result = await new ImageTransfer.Proxy(client, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(image), progress);

        var blocks = (uint)((image.Length + 127) / 128);
        Assert.Equal(new ImageTransferResult(128, blocks, blocks, 0, result.ImageInfo, true), result);
        Assert.Equal((uint)image.Length, result.ImageInfo.ImageToActivateSize);
        Assert.Equal(image[^32..], result.ImageInfo.ImageToActivateSignature.ToArray());
        Assert.NotNull(activated);
        Assert.Equal(image, activated.Image.ToArray());
        Assert.Equal(Identifier, activated.Identifier.ToArray());
        Assert.Equal(ImageTransferStatus.ImageActivationSuccessful, transfer.CurrentStatus);
        Assert.Equal(ImageTransferStage.Completed, progress.Reports[^1].Stage);
        Assert.Equal(blocks, (uint)progress.Reports.Count(r => r.Stage == ImageTransferStage.Transferring));
    }

    [Fact]
    public async Task A_transfer_cut_mid_way_resumes_from_the_first_missing_block_on_a_new_association()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        var image = Image(20_000);
        var blocks = (uint)((image.Length + 127) / 128);

        // Sends before the cut: the AARQ, the GETs and initiate of the flow (enabled, block size, initiate, first
        // missing, bit-string) then 40 blocks.
        await using (var first = await ConnectAsync(meter, channel => channel.DropAfterSends = 6 + 40))
        {
            var error = await Assert.ThrowsAsync<CosemTransportException>(() =>
                new ImageTransfer.Proxy(first, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(image)));
            Assert.Equal(TransportErrorKind.ConnectionClosed, error.Kind);
        }
        Assert.Equal(40u, await FirstMissingAsync(transfer));

        var progress = new Recorder();
        await using var second = await ConnectAsync(meter);
        var result = await new ImageTransfer.Proxy(second, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(image), progress);

        Assert.Equal(40u, result.BlocksResumed);
        Assert.Equal(blocks - 40, result.BlocksSent);
        Assert.Equal(40u, progress.Reports.First(r => r.Stage == ImageTransferStage.Transferring).BlocksDone - 1);
        Assert.Equal(image, transfer.ActiveImage!.Image.ToArray());
    }

    [Fact]
    public async Task Another_image_after_a_cut_starts_afresh()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        await using (var first = await ConnectAsync(meter, channel => channel.DropAfterSends = 6 + 10))
        {
            await Assert.ThrowsAsync<CosemTransportException>(() =>
                new ImageTransfer.Proxy(first, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(Image(5_000))));
        }
        await using var second = await ConnectAsync(meter);
        var other = Image(5_000, seed: 2);
        var result = await new ImageTransfer.Proxy(second, transfer.LogicalName).TransferImageAsync("FW-3"u8.ToArray(), new MemoryStream(other));
        Assert.Equal(0u, result.BlocksResumed);
        Assert.Equal(other, transfer.ActiveImage!.Image.ToArray());
    }

    [Fact]
    public async Task A_corrupt_image_fails_verification_and_is_not_activated()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        var image = Image(3_000);
        image[100] ^= 0xFF;
        var activations = 0;
        transfer.Activating = (_, _) => { activations++; return default; };

        await using var client = await ConnectAsync(meter);
        var error = await Assert.ThrowsAsync<CosemImageTransferException>(() =>
            new ImageTransfer.Proxy(client, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(image)));

        Assert.Equal(ImageTransferFailure.VerificationFailed, error.Failure);
        Assert.Equal(ActionResult.OtherReason, Assert.IsType<CosemServiceException>(error.InnerException).ActionResult);
        Assert.Equal(ImageTransferStatus.ImageVerificationFailed, transfer.CurrentStatus);
        Assert.Equal(0, activations);
        Assert.Null(transfer.ActiveImage);
    }

    [Fact]
    public async Task Background_verification_and_activation_are_polled_until_they_succeed()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        transfer.VerificationDelay = TimeSpan.FromMilliseconds(150);
        transfer.ActivationDelay = TimeSpan.FromMilliseconds(150);
        var progress = new Recorder();

        await using var client = await ConnectAsync(meter);
        var result = await new ImageTransfer.Proxy(client, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(Image(1_000)), progress,
            new ImageTransferOptions { PollInterval = TimeSpan.FromMilliseconds(20) });

        Assert.True(result.Activated);
        Assert.Equal(ImageTransferStatus.ImageActivationSuccessful, transfer.CurrentStatus);
    }

    [Fact]
    public async Task A_meter_that_never_finishes_verifying_times_out()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        transfer.VerificationDelay = TimeSpan.FromHours(1);

        await using var client = await ConnectAsync(meter);
        var error = await Assert.ThrowsAsync<CosemImageTransferException>(() =>
            new ImageTransfer.Proxy(client, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(Image(1_000)), null,
                new ImageTransferOptions { PollInterval = TimeSpan.FromMilliseconds(10), VerificationTimeout = TimeSpan.FromMilliseconds(100) }));
        Assert.Equal(ImageTransferFailure.VerificationTimedOut, error.Failure);
    }

    [Fact]
    public async Task A_failing_activation_is_reported()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        transfer.Activating = (_, _) => throw new InvalidOperationException("flash write failed");

        await using var client = await ConnectAsync(meter);
        var error = await Assert.ThrowsAsync<CosemImageTransferException>(() =>
            new ImageTransfer.Proxy(client, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(Image(1_000))));
        Assert.Equal(ImageTransferFailure.ActivationFailed, error.Failure);
        Assert.Equal(ImageTransferStatus.ImageActivationFailed, transfer.CurrentStatus);
    }

    [Fact]
    public async Task A_disabled_transfer_and_an_oversized_image_are_refused_before_any_block()
    {
        var (meter, transfer) = await StartAsync(maxImageSize: 1_000);
        await using var _ = meter;
        await using var client = await ConnectAsync(meter);
        var proxy = new ImageTransfer.Proxy(client, transfer.LogicalName);

        var oversized = await Assert.ThrowsAsync<CosemImageTransferException>(() => proxy.TransferImageAsync(Identifier, new MemoryStream(Image(2_000))));
        Assert.Equal(ImageTransferFailure.InitiateRefused, oversized.Failure);
        Assert.Equal(ActionResult.ScopeOfAccessViolated, Assert.IsType<CosemServiceException>(oversized.InnerException).ActionResult);

        await proxy.SetImageTransferEnabledAsync(false);
        var disabled = await Assert.ThrowsAsync<CosemImageTransferException>(() => proxy.TransferImageAsync(Identifier, new MemoryStream(Image(500))));
        Assert.Equal(ImageTransferFailure.Disabled, disabled.Failure);
    }

    [Fact]
    public async Task The_activated_image_must_match_the_expected_signature()
    {
        var (meter, transfer) = await StartAsync();
        await using var _ = meter;
        await using var client = await ConnectAsync(meter);
        var error = await Assert.ThrowsAsync<CosemImageTransferException>(() =>
            new ImageTransfer.Proxy(client, transfer.LogicalName).TransferImageAsync(Identifier, new MemoryStream(Image(1_000)), null,
                new ImageTransferOptions { ExpectedSignature = new byte[32] }));
        Assert.Equal(ImageTransferFailure.ImageInfoMismatch, error.Failure);
        Assert.Null(transfer.ActiveImage);
    }

    private static async Task<uint> FirstMissingAsync(ImageTransferServer transfer) =>
        await new ImageTransfer.Proxy(new LoopbackSession([transfer]), transfer.LogicalName).GetImageFirstNotTransferredBlockNumberAsync();
}
