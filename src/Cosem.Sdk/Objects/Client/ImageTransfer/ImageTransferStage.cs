namespace Cosem.Sdk.Objects;

/// <summary>The step of an image transfer a <see cref="ImageTransferProgress"/> report belongs to, in the order of
/// the Blue Book's image transfer process (§4.4.6.4).</summary>
public enum ImageTransferStage
{
    /// <summary>image_transfer_enabled, image_block_size and image_transfer_initiate; the blocks already on the meter
    /// are being read.</summary>
    Initiating,

    /// <summary>image_block_transfer: the missing blocks are being sent.</summary>
    Transferring,

    /// <summary>image_verify, and the polling of image_transfer_status while the meter verifies.</summary>
    Verifying,

    /// <summary>image_to_activate_info is read and compared with the image sent.</summary>
    CheckingImage,

    /// <summary>image_activate, and the polling of image_transfer_status while the meter activates.</summary>
    Activating,

    /// <summary>Done: the image is verified (and activated unless <see cref="ImageTransferOptions.Activate"/> was
    /// false).</summary>
    Completed,
}
