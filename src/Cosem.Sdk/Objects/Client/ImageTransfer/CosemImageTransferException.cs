namespace Cosem.Sdk.Objects;

/// <summary>
/// An image transfer (<see cref="ImageTransfer.Proxy.TransferImageAsync"/>) failed at one step; the meter's own
/// refusal, when there was one, is the inner <see cref="ObjectModel.CosemServiceException"/>. Blocks already
/// transferred stay on the meter: rerunning the transfer with the same identifier and image resumes.
/// </summary>
public sealed class CosemImageTransferException : CosemException
{
    /// <summary>A failed image transfer step.</summary>
    /// <param name="failure">The step that failed.</param>
    /// <param name="message">What happened.</param>
    /// <param name="blockNumber">The block refused, for <see cref="ImageTransferFailure.BlockRefused"/>.</param>
    /// <param name="innerException">The meter's refusal or the error behind it, if any.</param>
    public CosemImageTransferException(ImageTransferFailure failure, string message, uint? blockNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        BlockNumber = blockNumber;
    }

    /// <summary>The step that failed.</summary>
    public ImageTransferFailure Failure { get; }

    /// <summary>The block the meter refused, when <see cref="Failure"/> is
    /// <see cref="ImageTransferFailure.BlockRefused"/>; null otherwise.</summary>
    public uint? BlockNumber { get; }
}
