using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

public partial class ImageTransfer
{
    public sealed partial class Proxy
    {
        /// <summary>
        /// Invokes image_verify or image_activate. Success ends it; temporary-failure means the meter carries on in
        /// the background (Blue Book §4.4.6.4), so image_transfer_status is read every poll interval until it reports
        /// <paramref name="success"/> or <paramref name="failed"/>, or the time-out passes. A status read the meter
        /// answers temporary-failure while busy counts as still in progress.
        /// </summary>
        private async ValueTask RunLongStepAsync(Func<Proxy, CancellationToken, ValueTask> invoke, ImageTransferStatus success, ImageTransferStatus failed,
            TimeSpan timeout, ImageTransferFailure failure, ImageTransferFailure timedOut, string method, ImageTransferOptions options,
            CancellationToken cancellationToken)
        {
            try
            {
                await invoke(this, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (CosemServiceException ex) when (ex.ActionResult == ActionResult.TemporaryFailure)
            {
                // Carried on in the background: poll below.
            }
            catch (CosemServiceException ex)
            {
                throw new CosemImageTransferException(failure, $"The meter refused {method}: {ex.Message}", innerException: ex);
            }

            var time = options.TimeProvider;
            var started = time.GetTimestamp();
            while (true)
            {
                await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
                ImageTransferStatus? status;
                try
                {
                    status = await GetImageTransferStatusAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (CosemServiceException ex) when (ex.DataAccessResult == DataAccessResult.TemporaryFailure)
                {
                    status = null;
                }
                if (status == success)
                {
                    return;
                }
                if (status == failed)
                {
                    throw new CosemImageTransferException(failure, $"The meter reports {failed} after {method}.");
                }
                if (time.GetElapsedTime(started) >= timeout)
                {
                    throw new CosemImageTransferException(timedOut,
                        $"The meter did not finish {method} within {timeout.TotalSeconds:0.#} s (image_transfer_status {status?.ToString() ?? "unavailable"}).");
                }
            }
        }
    }
}
