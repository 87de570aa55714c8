namespace Cosem.Sdk.Objects;

/// <summary>What one push operation of a <see cref="PushSetupServer"/> came to.</summary>
/// <param name="Sent">Whether a data-notification reached the destination's transport (and, for a confirmed push,
/// was confirmed).</param>
/// <param name="Attempts">Sending attempts made: up to 1 + number_of_retries; 0 when nothing was tried.</param>
/// <param name="Error">Why the push was not sent (outside every communication window, an unsupported transport, a
/// protection without its key, the last attempt's failure or missing confirmation); null when sent.</param>
public sealed record PushResult(bool Sent, int Attempts, string? Error)
{
    /// <summary>Whether the push asked for a confirmation (push_operation_method 2) and the destination sent its
    /// data-notification-confirm; false for an unconfirmed push.</summary>
    public bool Confirmed { get; init; }
}
