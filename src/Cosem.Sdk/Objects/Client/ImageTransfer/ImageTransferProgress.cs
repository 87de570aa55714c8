namespace Cosem.Sdk.Objects;

/// <summary>One progress report of an image transfer.</summary>
/// <param name="Stage">The step under way.</param>
/// <param name="BlocksDone">Blocks the meter holds: those it already had when the transfer resumed plus those sent
/// since.</param>
/// <param name="BlocksTotal">Blocks of the whole image (its size divided by image_block_size, rounded up).</param>
/// <param name="BlocksResumed">Blocks the meter already held from an earlier, interrupted run and that were not sent
/// again.</param>
public readonly record struct ImageTransferProgress(ImageTransferStage Stage, uint BlocksDone, uint BlocksTotal, uint BlocksResumed);
