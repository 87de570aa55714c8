namespace Cosem.Sdk.Client;

/// <summary>
/// The meter did not answer (or the connection did not open) within <see cref="AssociationOptions.RequestTimeout"/>.
/// A <see cref="CosemException"/> like every other SDK failure; its <see cref="Exception.InnerException"/> is a
/// <see cref="TimeoutException"/>, so code that looks for one there still finds it. Cancellation through the caller's
/// token is an <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class CosemTimeoutException : CosemException
{
    /// <summary>Creates the exception for a wait of <paramref name="timeout"/> that ran out.</summary>
    /// <param name="message">What was waited for, e.g. "The meter did not answer within 00:00:05."</param>
    /// <param name="timeout">The time allowed.</param>
    /// <param name="cancellation">The cancellation that ended the wait, kept inside the <see cref="TimeoutException"/>.</param>
    public CosemTimeoutException(string message, TimeSpan timeout, Exception? cancellation = null)
        : base(message, new TimeoutException(message, cancellation))
    {
        Timeout = timeout;
    }

    /// <summary>The time allowed before giving up.</summary>
    public TimeSpan Timeout { get; }
}
