namespace Cosem.Sdk.Apdu;

/// <summary>Result of invoking one method (IEC 62056-5-3 §8, Action-Result).</summary>
public enum ActionResult : byte
{
    Success = 0,
    HardwareFault = 1,
    TemporaryFailure = 2,
    ReadWriteDenied = 3,
    ObjectUndefined = 4,
    ObjectClassInconsistent = 9,
    ObjectUnavailable = 11,
    TypeUnmatched = 12,
    ScopeOfAccessViolated = 13,
    DataBlockUnavailable = 14,
    LongActionAborted = 15,
    NoLongActionInProgress = 16,
    OtherReason = 250,
}
