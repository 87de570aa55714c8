namespace Cosem.Sdk.Apdu;

/// <summary>Result of reading or writing one attribute (IEC 62056-5-3 §8, Data-Access-Result).</summary>
public enum DataAccessResult : byte
{
    /// <summary>success (0): the attribute was read or written.</summary>
    Success = 0,
    /// <summary>hardware-fault (1): the server's hardware failed during the access.</summary>
    HardwareFault = 1,
    /// <summary>temporary-failure (2): the access cannot be done now; it may succeed later.</summary>
    TemporaryFailure = 2,
    /// <summary>read-write-denied (3): the association's access rights do not allow this access.</summary>
    ReadWriteDenied = 3,
    /// <summary>object-undefined (4): no object with this class id and logical name exists.</summary>
    ObjectUndefined = 4,
    /// <summary>object-class-inconsistent (9): the object exists but not with the requested class id.</summary>
    ObjectClassInconsistent = 9,
    /// <summary>object-unavailable (11): the object exists but cannot be accessed now.</summary>
    ObjectUnavailable = 11,
    /// <summary>type-unmatched (12): the value written has the wrong data type.</summary>
    TypeUnmatched = 12,
    /// <summary>
    /// scope-of-access-violated (13): the value or the selective access is outside the allowed range.
    /// </summary>
    ScopeOfAccessViolated = 13,
    /// <summary>data-block-unavailable (14): the requested block of a block transfer is not available.</summary>
    DataBlockUnavailable = 14,
    /// <summary>long-get-aborted (15): a GET with block transfer was aborted.</summary>
    LongGetAborted = 15,
    /// <summary>no-long-get-in-progress (16): a get-request-next arrived with no block transfer under way.</summary>
    NoLongGetInProgress = 16,
    /// <summary>long-set-aborted (17): a SET with block transfer was aborted.</summary>
    LongSetAborted = 17,
    /// <summary>
    /// no-long-set-in-progress (18): a set-request-with-datablock arrived with no block transfer under way.
    /// </summary>
    NoLongSetInProgress = 18,
    /// <summary>data-block-number-invalid (19): the block number is not the one expected.</summary>
    DataBlockNumberInvalid = 19,
    /// <summary>other-reason (250): any other failure.</summary>
    OtherReason = 250,
}
