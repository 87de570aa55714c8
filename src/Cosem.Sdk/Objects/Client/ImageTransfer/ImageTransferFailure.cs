namespace Cosem.Sdk.Objects;

/// <summary>The step at which an image transfer failed (<see cref="CosemImageTransferException.Failure"/>).</summary>
public enum ImageTransferFailure
{
    /// <summary>image_transfer_enabled is false: the meter does not accept an image now.</summary>
    Disabled,

    /// <summary>image_block_size is 0 or above <see cref="ImageTransferOptions.MaxBlockSize"/>.</summary>
    InvalidBlockSize,

    /// <summary>The meter refused image_transfer_initiate (e.g. the image is larger than it can store).</summary>
    InitiateRefused,

    /// <summary>The meter refused an image_block_transfer (<see cref="CosemImageTransferException.BlockNumber"/>).</summary>
    BlockRefused,

    /// <summary>After sending every block, and once more every block the meter reported missing, the meter still
    /// misses blocks.</summary>
    Incomplete,

    /// <summary>image_verify failed, or the meter reported image_verification_failed.</summary>
    VerificationFailed,

    /// <summary>The meter was still verifying after <see cref="ImageTransferOptions.VerificationTimeout"/>.</summary>
    VerificationTimedOut,

    /// <summary>image_to_activate_info lists no image of this identification, size and signature.</summary>
    ImageInfoMismatch,

    /// <summary>image_activate failed, or the meter reported image_activation_failed.</summary>
    ActivationFailed,

    /// <summary>The meter was still activating after <see cref="ImageTransferOptions.ActivationTimeout"/>.</summary>
    ActivationTimedOut,
}
