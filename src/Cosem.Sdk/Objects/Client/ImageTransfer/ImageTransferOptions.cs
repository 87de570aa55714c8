namespace Cosem.Sdk.Objects;

/// <summary>
/// How <see cref="ImageTransfer.Proxy.TransferImageAsync"/> runs: whether it activates, how it waits for a meter that
/// verifies or activates in the background (answers temporary-failure and is then polled), and the bounds it puts on
/// what the meter reports.
/// </summary>
public sealed class ImageTransferOptions
{
    /// <summary>Invoke image_activate after a successful verification (default true); false stops after checking
    /// image_to_activate_info, for an activation later or at a scheduled time.</summary>
    public bool Activate { get; init; } = true;

    /// <summary>How long to wait between two reads of image_transfer_status while the meter verifies or activates
    /// (default 1 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the meter may take to verify after answering temporary-failure (default 5 min); beyond it
    /// the transfer fails with <see cref="ImageTransferFailure.VerificationTimedOut"/>.</summary>
    public TimeSpan VerificationTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the meter may take to activate after answering temporary-failure (default 5 min); beyond it
    /// the transfer fails with <see cref="ImageTransferFailure.ActivationTimedOut"/>.</summary>
    public TimeSpan ActivationTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest image_block_size accepted from the meter (default 65,536 bytes): a block is held in
    /// memory and sent in one ACTION, so a meter reporting more is refused with
    /// <see cref="ImageTransferFailure.InvalidBlockSize"/>.</summary>
    public uint MaxBlockSize { get; init; } = 65_536;

    /// <summary>The signature (or hash) image_to_activate_info must report for the image; null (default) checks only
    /// its size and identification.</summary>
    public ReadOnlyMemory<byte>? ExpectedSignature { get; init; }

    /// <summary>The clock the polling waits on (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(VerificationTimeout, TimeSpan.Zero, nameof(VerificationTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ActivationTimeout, TimeSpan.Zero, nameof(ActivationTimeout));
        ArgumentOutOfRangeException.ThrowIfZero(MaxBlockSize, nameof(MaxBlockSize));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
