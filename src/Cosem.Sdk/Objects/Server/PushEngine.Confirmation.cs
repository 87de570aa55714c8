using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

// Confirmed push (Push setup v2 push_operation_method 2, "confirmed, retry on missing confirmation"). The Blue Book
// names the method and the confirmation_parameters {confirmation_start_date, confirmation_interval} but public
// material does not spell out the exchange; what is public: the method selects the service class of the pushed
// DataNotification (Long-Invoke-Id-And-Priority bit 30), and the xDLMS ASN.1 has data-notification-confirm [16]
// { long-invoke-id-and-priority, date-time } (public ASN.1 transcriptions of IEC 62056-5-3; Gurux names tag 16
// DataNotificationConfirm). So: the push goes out with service-class confirmed; a data-notification-confirm echoing
// its invoke-id is the confirmation; a missing one within PushSetupServerOptions.ConfirmationTimeout fails the
// attempt, which is retried like a transport failure; the meter's clock at reception is last_confirmation_date_time.
internal sealed partial class PushEngine
{
    private readonly Lock _pendingLock = new();
    private PendingConfirmation? _pending;

    /// <summary>
    /// Whether this push asks for a confirmation: push_operation_method 2, on or after confirmation_start_date (a
    /// start with unspecified fields does not restrict), and — when confirmation_interval is not 0 — once that many
    /// seconds have passed since last_confirmation_date_time (Gurux documents the interval as "disabled if zero"; we
    /// read 0 as "confirm every push", the only reading that keeps method 2 confirmed).
    /// </summary>
    internal static bool AsksConfirmation(in PushSettings settings, DateTimeOffset now, CosemDateTime lastConfirmation)
    {
        if (settings.OperationMethod != PushOperationMethod.ConfirmedRetryOnMissingConfirmation)
        {
            return false;
        }
        if (settings.Confirmation.ConfirmationStartDate.TryToDateTimeOffset(out var start) && now < start)
        {
            return false;
        }
        var interval = settings.Confirmation.ConfirmationInterval;
        return interval == 0 || !lastConfirmation.TryToDateTimeOffset(out var last) || now - last >= TimeSpan.FromSeconds(interval);
    }

    /// <summary>
    /// Hands a data-notification-confirm received for this push setup to the push waiting for it. Returns true when
    /// it confirms a push under way (its invoke-id is one this push sent); anything else is ignored with a log line.
    /// </summary>
    public bool AcceptConfirmation(ReadOnlyMemory<byte> apdu)
    {
        DataNotificationConfirm confirm;
        try
        {
            confirm = ApduDecoder.DecodeXdlms(apdu) as DataNotificationConfirm
                ?? throw new CosemEncodingException($"Not a data-notification-confirm (tag {(apdu.IsEmpty ? 0 : apdu.Span[0])}).", 0, "apdu tag");
        }
        catch (CosemEncodingException ex)
        {
            PushSetupLog.ConfirmationIgnored(Options.Logger, _name, ex.Message);
            return false;
        }
        lock (_pendingLock)
        {
            if (_pending is { } pending && pending.InvokeIds.Contains(confirm.LongInvokeIdAndPriority.InvokeId))
            {
                return pending.Confirmed.TrySetResult();
            }
        }
        PushSetupLog.ConfirmationIgnored(Options.Logger, _name, $"invoke-id {confirm.LongInvokeIdAndPriority.InvokeId} matches no confirmed push under way");
        return false;
    }

    private PendingConfirmation StartWaiting(uint invokeId)
    {
        lock (_pendingLock)
        {
            var pending = _pending ??= new PendingConfirmation();
            pending.InvokeIds.Add(invokeId);
            return pending;
        }
    }

    private void StopWaiting()
    {
        lock (_pendingLock)
        {
            _pending = null;
        }
    }

    /// <summary>Waits for the confirmation of one attempt, at most ConfirmationTimeout on the options' clock.</summary>
    private async Task WaitForConfirmationAsync(PendingConfirmation pending, CancellationToken cancellationToken)
    {
        try
        {
            await pending.Confirmed.Task.WaitAsync(Options.ConfirmationTimeout, Options.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No data-notification-confirm within {Options.ConfirmationTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    /// <summary>The invoke-ids a confirmed push sent (one per attempt: a late confirmation of an earlier attempt
    /// still confirms the push) and the signal its confirmation arrived.</summary>
    private sealed class PendingConfirmation
    {
        public HashSet<uint> InvokeIds { get; } = [];

        public TaskCompletionSource Confirmed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
