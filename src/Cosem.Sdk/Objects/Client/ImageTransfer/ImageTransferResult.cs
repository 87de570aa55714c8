namespace Cosem.Sdk.Objects;

/// <summary>What a completed image transfer did.</summary>
/// <param name="BlockSize">The meter's image_block_size.</param>
/// <param name="BlocksTotal">Blocks of the image.</param>
/// <param name="BlocksSent">Blocks sent by this run (including blocks sent again because the meter missed them).</param>
/// <param name="BlocksResumed">Blocks the meter already held from an earlier run and that were skipped.</param>
/// <param name="ImageInfo">The image_to_activate_info entry that matched the image.</param>
/// <param name="Activated">Whether image_activate was invoked and succeeded.</param>
public sealed record ImageTransferResult(uint BlockSize, uint BlocksTotal, uint BlocksSent, uint BlocksResumed, ImageToActivateInfo ImageInfo, bool Activated);
