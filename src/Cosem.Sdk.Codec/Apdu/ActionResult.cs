namespace Cosem.Sdk.Apdu;

/// <summary>Result of invoking one method (IEC 62056-5-3 §8, Action-Result).</summary>
public enum ActionResult : byte
{
    /// <summary>success (0): the method was invoked and completed.</summary>
    Success = 0,
    /// <summary>hardware-fault (1): the server's hardware failed while running the method.</summary>
    HardwareFault = 1,
    /// <summary>temporary-failure (2): the method cannot run now; it may succeed later.</summary>
    TemporaryFailure = 2,
    /// <summary>read-write-denied (3): the association's access rights do not allow this method.</summary>
    ReadWriteDenied = 3,
    /// <summary>object-undefined (4): no object with this class id and logical name exists.</summary>
    ObjectUndefined = 4,
    /// <summary>object-class-inconsistent (9): the object exists but not with the requested class id.</summary>
    ObjectClassInconsistent = 9,
    /// <summary>object-unavailable (11): the object exists but cannot be used now.</summary>
    ObjectUnavailable = 11,
    /// <summary>type-unmatched (12): the method parameter has the wrong data type.</summary>
    TypeUnmatched = 12,
    /// <summary>
    /// scope-of-access-violated (13): the parameter is outside the allowed range or the method is not allowed in this
    /// context.
    /// </summary>
    ScopeOfAccessViolated = 13,
    /// <summary>
    /// data-block-unavailable (14): the requested block of a block-transferred response is not available.
    /// </summary>
    DataBlockUnavailable = 14,
    /// <summary>long-action-aborted (15): a block-transferred action was aborted.</summary>
    LongActionAborted = 15,
    /// <summary>no-long-action-in-progress (16): a next-pblock arrived with no block transfer under way.</summary>
    NoLongActionInProgress = 16,
    /// <summary>other-reason (250): any other failure.</summary>
    OtherReason = 250,
}
