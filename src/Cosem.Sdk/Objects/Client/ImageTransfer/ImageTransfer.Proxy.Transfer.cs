using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

public partial class ImageTransfer
{
    /// <summary>The whole image transfer process of Blue Book §4.4.6.4 on a meter's Image transfer object.</summary>
    public sealed partial class Proxy
    {
        /// <summary>
        /// Transfers an image and, unless told otherwise, activates it: checks image_transfer_enabled, reads
        /// image_block_size, invokes image_transfer_initiate, reads which blocks the meter already holds and sends
        /// only the others (so rerunning an interrupted transfer on a new association resumes from the first
        /// missing block, on a meter that keeps its blocks when initiated again with the same identifier and
        /// size), checks that every block arrived, verifies, checks image_to_activate_info and activates. A meter
        /// that verifies or activates in the background answers temporary-failure and is polled through
        /// image_transfer_status, bounded by the options' time-outs.
        /// </summary>
        /// <param name="identifier">The image_identifier: the same on every run of one image, so the meter can resume.</param>
        /// <param name="image">The image, from its current position to its end; it must be readable and seekable
        /// (blocks are read by offset).</param>
        /// <param name="progress">Receives a report per block and per step; null for none.</param>
        /// <param name="options">Activation, polling and bounds; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the transfer between requests; the blocks sent stay on the meter.</param>
        /// <returns>What was sent and skipped, and the image information the meter reported.</returns>
        /// <exception cref="CosemImageTransferException">A step failed; <see cref="CosemImageTransferException.Failure"/>
        /// says which.</exception>
        /// <exception cref="ArgumentException">The stream cannot be read or sought, or the image is empty or larger
        /// than 4 GiB.</exception>
        public async Task<ImageTransferResult> TransferImageAsync(ReadOnlyMemory<byte> identifier, Stream image,
            IProgress<ImageTransferProgress>? progress = null, ImageTransferOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(image);
            options ??= new ImageTransferOptions();
            options.Validate();
            if (!image.CanRead || !image.CanSeek)
            {
                throw new ArgumentException("The image stream must be readable and seekable.", nameof(image));
            }
            var start = image.Position;
            var length = image.Length - start;
            if (length is <= 0 or > uint.MaxValue)
            {
                throw new ArgumentException($"An image has 1 to {uint.MaxValue} bytes; this one has {length}.", nameof(image));
            }
            var size = (uint)length;

            if (!await GetImageTransferEnabledAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new CosemImageTransferException(ImageTransferFailure.Disabled, $"Image transfer is disabled on {LogicalName} (image_transfer_enabled is false).");
            }
            var blockSize = await GetImageBlockSizeAsync(cancellationToken).ConfigureAwait(false);
            if (blockSize == 0 || blockSize > options.MaxBlockSize)
            {
                throw new CosemImageTransferException(ImageTransferFailure.InvalidBlockSize,
                    $"The meter's image_block_size {blockSize} is outside 1..{options.MaxBlockSize}.");
            }
            var total = (uint)((size + (ulong)blockSize - 1) / blockSize);
            try
            {
                await ImageTransferInitiateAsync(new ImageTransferInitiate(identifier, size), cancellationToken).ConfigureAwait(false);
            }
            catch (CosemServiceException ex)
            {
                throw new CosemImageTransferException(ImageTransferFailure.InitiateRefused, $"The meter refused image_transfer_initiate for {size} bytes: {ex.Message}", innerException: ex);
            }

            var transfer = new BlockSender(this, image, start, size, blockSize, total, progress);
            var present = await ReadPresentBlocksAsync(total, cancellationToken).ConfigureAwait(false);
            var resumed = (uint)present.Count(p => p);
            transfer.Report(ImageTransferStage.Initiating, resumed, resumed);
            await transfer.SendMissingAsync(present, resumed, resumed, cancellationToken).ConfigureAwait(false);

            // The meter tells which blocks it holds; whatever it missed (a lost answer, a reset) is sent once more.
            var held = await ReadPresentBlocksAsync(total, cancellationToken).ConfigureAwait(false);
            if (held.Contains(false))
            {
                await transfer.SendMissingAsync(held, (uint)held.Count(p => p), resumed, cancellationToken).ConfigureAwait(false);
                held = await ReadPresentBlocksAsync(total, cancellationToken).ConfigureAwait(false);
                if (Array.IndexOf(held, false) is var missing and >= 0)
                {
                    throw new CosemImageTransferException(ImageTransferFailure.Incomplete, $"The meter still misses block {missing} of {total} after sending it again.", (uint)missing);
                }
            }

            transfer.Report(ImageTransferStage.Verifying, total, resumed);
            await RunLongStepAsync(static (proxy, ct) => proxy.ImageVerifyAsync(ct), ImageTransferStatus.ImageVerificationSuccessful,
                ImageTransferStatus.ImageVerificationFailed, options.VerificationTimeout, ImageTransferFailure.VerificationFailed,
                ImageTransferFailure.VerificationTimedOut, "image_verify", options, cancellationToken).ConfigureAwait(false);

            transfer.Report(ImageTransferStage.CheckingImage, total, resumed);
            var info = await CheckImageInfoAsync(identifier, size, options, cancellationToken).ConfigureAwait(false);

            if (options.Activate)
            {
                transfer.Report(ImageTransferStage.Activating, total, resumed);
                await RunLongStepAsync(static (proxy, ct) => proxy.ImageActivateAsync(ct), ImageTransferStatus.ImageActivationSuccessful,
                    ImageTransferStatus.ImageActivationFailed, options.ActivationTimeout, ImageTransferFailure.ActivationFailed,
                    ImageTransferFailure.ActivationTimedOut, "image_activate", options, cancellationToken).ConfigureAwait(false);
            }
            transfer.Report(ImageTransferStage.Completed, total, resumed);
            return new ImageTransferResult(blockSize, total, transfer.Sent, resumed, info, options.Activate);
        }

        /// <summary>One flag per block: held by the meter, from image_transferred_blocks_status where it covers the
        /// block and from image_first_not_transferred_block_number (every block before it is held).</summary>
        private async ValueTask<bool[]> ReadPresentBlocksAsync(uint total, CancellationToken cancellationToken)
        {
            var first = await GetImageFirstNotTransferredBlockNumberAsync(cancellationToken).ConfigureAwait(false);
            BitString status;
            try
            {
                status = await GetImageTransferredBlocksStatusAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CosemServiceException)
            {
                // The bit-string is optional in practice; the first missing block alone still allows resuming.
                status = BitString.Empty;
            }
            var present = new bool[total];
            for (var i = 0; i < present.Length; i++)
            {
                present[i] = i < first || (i < status.Length && status[i]);
            }
            return present;
        }

        private async ValueTask<ImageToActivateInfo> CheckImageInfoAsync(ReadOnlyMemory<byte> identifier, uint size, ImageTransferOptions options,
            CancellationToken cancellationToken)
        {
            var infos = await GetImageToActivateInfoAsync(cancellationToken).ConfigureAwait(false);
            foreach (var info in infos)
            {
                if (!info.ImageToActivateIdentification.Span.SequenceEqual(identifier.Span))
                {
                    continue;
                }
                if (info.ImageToActivateSize != size)
                {
                    throw new CosemImageTransferException(ImageTransferFailure.ImageInfoMismatch,
                        $"image_to_activate_info reports {info.ImageToActivateSize} bytes for the image; {size} were sent.");
                }
                if (options.ExpectedSignature is { } expected && !info.ImageToActivateSignature.Span.SequenceEqual(expected.Span))
                {
                    throw new CosemImageTransferException(ImageTransferFailure.ImageInfoMismatch,
                        $"image_to_activate_info reports signature {Convert.ToHexString(info.ImageToActivateSignature.Span)}; {Convert.ToHexString(expected.Span)} was expected.");
                }
                return info;
            }
            throw new CosemImageTransferException(ImageTransferFailure.ImageInfoMismatch,
                $"image_to_activate_info lists no image with identification {Convert.ToHexString(identifier.Span)} ({infos.Count} entries).");
        }

        /// <summary>Reads the image block by block and sends those the meter does not hold.</summary>
        private sealed class BlockSender(Proxy proxy, Stream image, long start, uint size, uint blockSize, uint total, IProgress<ImageTransferProgress>? progress)
        {
            public uint Sent { get; private set; }

            public void Report(ImageTransferStage stage, uint done, uint resumed) =>
                progress?.Report(new ImageTransferProgress(stage, done, total, resumed));

            public async ValueTask SendMissingAsync(bool[] present, uint done, uint resumed, CancellationToken cancellationToken)
            {
                var buffer = ArrayPool<byte>.Shared.Rent((int)blockSize);
                try
                {
                    for (var block = 0u; block < total; block++)
                    {
                        if (present[block])
                        {
                            continue;
                        }
                        var offset = (long)block * blockSize;
                        var length = (int)Math.Min(blockSize, size - offset);
                        image.Position = start + offset;
                        await image.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                        try
                        {
                            await proxy.ImageBlockTransferAsync(new ImageBlock(block, buffer.AsMemory(0, length)), cancellationToken).ConfigureAwait(false);
                        }
                        catch (CosemServiceException ex)
                        {
                            throw new CosemImageTransferException(ImageTransferFailure.BlockRefused,
                                $"The meter refused image block {block} of {total}: {ex.Message}", block, ex);
                        }
                        Sent++;
                        Report(ImageTransferStage.Transferring, ++done, resumed);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }
}
