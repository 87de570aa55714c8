using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A working Image transfer object (Blue Book class 18, §4.4.6) that receives an image into memory: blocks in any
/// order within the announced size, the transferred-blocks bit-string and the first missing block kept up to date,
/// verification (by default the <see cref="ImageSha256Trailer"/> convention) and activation through the
/// <see cref="Activating"/> callback.
/// </summary>
/// <remarks>
/// <para>Resuming: image_transfer_initiate with the identifier and size of the transfer under way keeps the blocks
/// already received, so a client that lost its connection initiates again and sends only the missing blocks (read
/// from attributes 3 and 4). Any other initiate starts afresh.</para>
/// <para>Refusals (ACTION results): image transfer disabled — object-unavailable; a block, verify or activate
/// before initiate, an image larger than <see cref="MaxImageSize"/>, a block number beyond the image or a block of
/// the wrong length (every block but the last has image_block_size bytes) — scope-of-access-violated; verification
/// of an incomplete or corrupt image, a failing activation — other-reason (the status says which). With
/// <see cref="VerificationDelay"/> or <see cref="ActivationDelay"/> set, image_verify and image_activate answer
/// temporary-failure and image_transfer_status reports the outcome once the delay has passed, as a meter doing the
/// work in the background does.</para>
/// <para>What a client can make it hold: one image of at most <see cref="MaxImageSize"/> bytes and one flag per
/// block, allocated at initiate.</para>
/// </remarks>
public partial class ImageTransferServer : ImageTransfer
{
    /// <summary>Logical name of the Image transfer object (Blue Book §7.4.2 / OBIS: 0.0.44.0.e.255, e = 0).</summary>
    public static readonly ObisCode DefaultLogicalName = new(0, 0, 44, 0, 0, 255);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private byte[] _identifier = [];
    private byte[] _image = [];
    private bool[] _received = [];
    private ImageTransferStatus _status;
    private ImageTransferStatus _pendingStatus;
    private long _pendingUntil;
    private bool _pending;
    private ImageToActivateInfo? _verified;

    /// <summary>Creates the object, enabled and not initiated.</summary>
    /// <param name="logicalName">The object's logical name, usually <see cref="DefaultLogicalName"/>.</param>
    /// <param name="blockSize">image_block_size: the bytes of every block but the last.</param>
    /// <param name="maxImageSize">The largest image accepted at initiate (the memory it may hold).</param>
    /// <param name="timeProvider">The clock of the verification and activation delays; null for the system clock.</param>
    public ImageTransferServer(ObisCode logicalName, uint blockSize = 1024, uint maxImageSize = 16 * 1024 * 1024, TimeProvider? timeProvider = null)
        : base(logicalName)
    {
        ArgumentOutOfRangeException.ThrowIfZero(blockSize);
        ArgumentOutOfRangeException.ThrowIfZero(maxImageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxImageSize, (uint)Array.MaxLength);
        ImageBlockSize = blockSize;
        MaxImageSize = maxImageSize;
        ImageTransferEnabled = true;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The largest image image_transfer_initiate accepts; a larger one is refused with
    /// scope-of-access-violated.</summary>
    public uint MaxImageSize { get; }

    /// <summary>How long verification appears to run: image_verify answers temporary-failure and the status shows
    /// image_verification_initiated until it has passed (default zero: image_verify completes at once).</summary>
    public TimeSpan VerificationDelay { get; set; }

    /// <summary>How long activation appears to run, as <see cref="VerificationDelay"/> for image_activate.</summary>
    public TimeSpan ActivationDelay { get; set; }

    /// <summary>
    /// Checks a complete image and returns its signature (reported in image_to_activate_info), or null when it is
    /// not acceptable. Default: <see cref="ImageSha256Trailer.TryVerify"/>.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>?> Verifier { get; set; } =
        static image => ImageSha256Trailer.TryVerify(image.Span, out var hash) ? (ReadOnlyMemory<byte>?)hash : null;

    /// <summary>Called by image_activate with the verified image, e.g. to change the firmware version the meter
    /// reports; an exception makes the activation fail (status image_activation_failed, action other-reason).</summary>
    public Func<ImageActivation, CancellationToken, ValueTask>? Activating { get; set; }

    /// <summary>The last image activated, or null before the first activation.</summary>
    public ImageActivation? ActiveImage { get; private set; }

    /// <summary>The status now, with a delayed verification or activation settled once its time has come.</summary>
    public ImageTransferStatus CurrentStatus
    {
        get
        {
            lock (_lock)
            {
                return SettleLocked();
            }
        }
    }

    /// <summary>image_transferred_blocks_status (attribute 3): bit n set when block n of the image under way arrived.</summary>
    protected override ValueTask<BitString> GetImageTransferredBlocksStatusAsync(RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return new(BitString.From(_received));
        }
    }

    /// <summary>image_first_not_transferred_block_number (attribute 4): the lowest block not received; the block
    /// count once all arrived.</summary>
    protected override ValueTask<uint> GetImageFirstNotTransferredBlockNumberAsync(RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return new(FirstMissingLocked());
        }
    }

    /// <summary>image_transfer_status (attribute 6): <see cref="CurrentStatus"/>.</summary>
    protected override ValueTask<ImageTransferStatus> GetImageTransferStatusAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(CurrentStatus);

    /// <summary>image_to_activate_info (attribute 7): the verified image, once verification succeeded; empty before.</summary>
    protected override ValueTask<IReadOnlyList<ImageToActivateInfo>> GetImageToActivateInfoAsync(RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            SettleLocked();
            return new(_verified is { } info ? [info] : []);
        }
    }

    /// <summary>Refuses SET of the status and progress attributes with read-write-denied: they follow the methods.</summary>
    protected override ValueTask SetImageTransferStatusAsync(ImageTransferStatus value, RequestContext context, CancellationToken cancellationToken) =>
        ReadOnlyAsync();

    /// <inheritdoc cref="SetImageTransferStatusAsync"/>
    protected override ValueTask SetImageTransferredBlocksStatusAsync(BitString value, RequestContext context, CancellationToken cancellationToken) =>
        ReadOnlyAsync();

    /// <inheritdoc cref="SetImageTransferStatusAsync"/>
    protected override ValueTask SetImageFirstNotTransferredBlockNumberAsync(uint value, RequestContext context, CancellationToken cancellationToken) =>
        ReadOnlyAsync();

    /// <inheritdoc cref="SetImageTransferStatusAsync"/>
    protected override ValueTask SetImageToActivateInfoAsync(IReadOnlyList<ImageToActivateInfo> value, RequestContext context, CancellationToken cancellationToken) =>
        ReadOnlyAsync();

    /// <inheritdoc cref="SetImageTransferStatusAsync"/>
    protected override ValueTask SetImageBlockSizeAsync(uint value, RequestContext context, CancellationToken cancellationToken) =>
        ReadOnlyAsync();

    private static ValueTask ReadOnlyAsync() =>
        ValueTask.FromException(new CosemServiceException(Apdu.DataAccessResult.ReadWriteDenied, "This attribute follows the image transfer methods."));

    private uint FirstMissingLocked()
    {
        var index = Array.IndexOf(_received, false);
        return index < 0 ? (uint)_received.Length : (uint)index;
    }

    // A delayed outcome becomes visible once its time has come; until then the "initiated" status of the step shows.
    private ImageTransferStatus SettleLocked()
    {
        if (_pending && _time.GetTimestamp() >= _pendingUntil)
        {
            _pending = false;
            _status = _pendingStatus;
        }
        return _status;
    }
}
