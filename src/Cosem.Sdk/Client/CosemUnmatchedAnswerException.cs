namespace Cosem.Sdk.Client;

/// <summary>
/// The meter sent APDUs while a request waited, but none answered it: answers carrying another invoke-id, or a
/// flood of unsolicited notifications (more than <see cref="AssociationOptions.MaxUnmatchedApdus"/>). Raised
/// instead of <see cref="CosemTimeoutException"/> so a meter that talks but mismatches is not reported as silent.
/// </summary>
public sealed class CosemUnmatchedAnswerException : CosemProtocolException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was waited for and what came instead.</param>
    /// <param name="expectedInvokeId">The invoke-id waited for, or -1 for a request without one.</param>
    /// <param name="lastInvokeId">The invoke-id of the last answer that carried another one, or -1 when none did.</param>
    /// <param name="wrongInvokeIds">How many answers carried another invoke-id.</param>
    /// <param name="unsolicited">How many unsolicited APDUs (notifications) arrived.</param>
    /// <param name="innerException">The time-out that ended the wait, if it was one.</param>
    public CosemUnmatchedAnswerException(string message, int expectedInvokeId, int lastInvokeId, int wrongInvokeIds, int unsolicited,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ExpectedInvokeId = expectedInvokeId;
        LastInvokeId = lastInvokeId;
        WrongInvokeIds = wrongInvokeIds;
        Unsolicited = unsolicited;
    }

    /// <summary>The invoke-id the request carried, or -1 for a request without one.</summary>
    public int ExpectedInvokeId { get; }

    /// <summary>The invoke-id of the last answer that carried another one, or -1 when none did.</summary>
    public int LastInvokeId { get; }

    /// <summary>How many answers carried another invoke-id than the request's.</summary>
    public int WrongInvokeIds { get; }

    /// <summary>How many unsolicited APDUs (event notifications, data notifications, information reports) arrived.</summary>
    public int Unsolicited { get; }
}
