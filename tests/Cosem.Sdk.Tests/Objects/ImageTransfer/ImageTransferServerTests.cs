using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// <see cref="ImageTransferServer"/> on its own (in-process session): which blocks it refuses and with which
/// ACTION result, what its attributes report, and the resume convention of image_transfer_initiate.
/// </summary>
public class ImageTransferServerTests
{
    private static readonly byte[] Identifier = "FW-1"u8.ToArray();

    private static (ImageTransferServer Server, ImageTransfer.Proxy Proxy) Create(uint blockSize = 100, uint maxImageSize = 10_000)
    {
        var server = new ImageTransferServer(ImageTransferServer.DefaultLogicalName, blockSize, maxImageSize);
        return (server, new ImageTransfer.Proxy(new LoopbackSession([server]), server.LogicalName));
    }

    private static async Task<ActionResult?> RefusalAsync(ValueTask action)
    {
        var error = await Assert.ThrowsAsync<CosemServiceException>(() => action.AsTask());
        return error.ActionResult;
    }

    [Fact]
    public async Task A_block_before_initiate_is_refused()
    {
        var (_, proxy) = Create();
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageBlockTransferAsync(new ImageBlock(0, new byte[100]))));
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageVerifyAsync()));
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageActivateAsync()));
    }

    [Fact]
    public async Task Blocks_beyond_the_image_and_blocks_of_the_wrong_length_are_refused()
    {
        var (server, proxy) = Create();
        await proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 250));
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageBlockTransferAsync(new ImageBlock(3, new byte[50]))));
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageBlockTransferAsync(new ImageBlock(0, new byte[101]))));
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageBlockTransferAsync(new ImageBlock(0, new byte[99]))));
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageBlockTransferAsync(new ImageBlock(2, new byte[100]))));
        Assert.Equal(0u, await proxy.GetImageFirstNotTransferredBlockNumberAsync());
        Assert.Equal(ImageTransferStatus.ImageTransferInitiated, server.CurrentStatus);
    }

    [Fact]
    public async Task An_image_larger_than_the_maximum_is_refused_at_initiate()
    {
        var (server, proxy) = Create(maxImageSize: 1_000);
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 1_001))));
        Assert.Equal(ActionResult.ScopeOfAccessViolated, await RefusalAsync(proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 0))));
        Assert.Equal(ImageTransferStatus.ImageTransferNotInitiated, server.CurrentStatus);
    }

    [Fact]
    public async Task A_disabled_object_refuses_with_object_unavailable()
    {
        var (_, proxy) = Create();
        await proxy.SetImageTransferEnabledAsync(false);
        Assert.Equal(ActionResult.ObjectUnavailable, await RefusalAsync(proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 100))));
    }

    [Fact]
    public async Task Blocks_out_of_order_are_tracked_in_the_bit_string()
    {
        var (_, proxy) = Create();
        await proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 450));
        await proxy.ImageBlockTransferAsync(new ImageBlock(4, new byte[50]));
        await proxy.ImageBlockTransferAsync(new ImageBlock(0, new byte[100]));
        await proxy.ImageBlockTransferAsync(new ImageBlock(2, new byte[100]));

        var status = await proxy.GetImageTransferredBlocksStatusAsync();
        Assert.Equal("10101", status.ToString());
        Assert.Equal(1u, await proxy.GetImageFirstNotTransferredBlockNumberAsync());
        Assert.Equal(ActionResult.OtherReason, await RefusalAsync(proxy.ImageVerifyAsync()));
        Assert.Equal(ImageTransferStatus.ImageVerificationFailed, await proxy.GetImageTransferStatusAsync());
    }

    [Fact]
    public async Task Initiating_the_same_image_again_keeps_its_blocks_and_another_starts_afresh()
    {
        var (_, proxy) = Create();
        await proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 300));
        await proxy.ImageBlockTransferAsync(new ImageBlock(0, new byte[100]));
        await proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 300));
        Assert.Equal(1u, await proxy.GetImageFirstNotTransferredBlockNumberAsync());
        await proxy.ImageTransferInitiateAsync(new ImageTransferInitiate(Identifier, 301));
        Assert.Equal(0u, await proxy.GetImageFirstNotTransferredBlockNumberAsync());
        Assert.Equal(4, (await proxy.GetImageTransferredBlocksStatusAsync()).Length);
    }

    [Fact]
    public async Task The_progress_attributes_cannot_be_written()
    {
        var (_, proxy) = Create();
        var error = await Assert.ThrowsAsync<CosemServiceException>(() => proxy.SetImageTransferStatusAsync(ImageTransferStatus.ImageActivationSuccessful).AsTask());
        Assert.Equal(DataAccessResult.ReadWriteDenied, error.DataAccessResult);
    }

    [Fact]
    public void The_sha256_trailer_convention_round_trips_and_catches_a_flipped_bit()
    {
        var image = ImageSha256Trailer.Append("firmware"u8);
        Assert.True(ImageSha256Trailer.TryVerify(image, out var hash));
        Assert.Equal(image[^32..], hash.ToArray());
        image[0] ^= 1;
        Assert.False(ImageSha256Trailer.TryVerify(image, out _));
        Assert.False(ImageSha256Trailer.TryVerify(new byte[31], out _));
    }
}
