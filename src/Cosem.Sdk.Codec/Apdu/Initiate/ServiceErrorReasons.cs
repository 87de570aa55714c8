namespace Cosem.Sdk.Apdu;

// The ENUMERATED values of each ServiceError alternative (IEC 62056-5-3 §8 "ServiceError").

/// <summary>application-reference [0].</summary>
public enum ApplicationReferenceError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>time-elapsed (1): the association timed out.</summary>
    TimeElapsed = 1,
    /// <summary>application-unreachable (2): the peer application cannot be reached.</summary>
    ApplicationUnreachable = 2,
    /// <summary>application-reference-invalid (3): the addressed application does not exist.</summary>
    ApplicationReferenceInvalid = 3,
    /// <summary>application-context-unsupported (4): the application context is not supported.</summary>
    ApplicationContextUnsupported = 4,
    /// <summary>provider-communication-error (5): a lower layer failed.</summary>
    ProviderCommunicationError = 5,
    /// <summary>deciphering-error (6): the ciphered APDU could not be deciphered or authenticated.</summary>
    DecipheringError = 6,
}

/// <summary>hardware-resource [1].</summary>
public enum HardwareResourceError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>memory-unavailable (1).</summary>
    MemoryUnavailable = 1,
    /// <summary>processor-resource-unavailable (2).</summary>
    ProcessorResourceUnavailable = 2,
    /// <summary>mass-storage-unavailable (3).</summary>
    MassStorageUnavailable = 3,
    /// <summary>other-resource-unavailable (4).</summary>
    OtherResourceUnavailable = 4,
}

/// <summary>vde-state-error [2].</summary>
public enum VdeStateError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>no-dlms-context (1): no xDLMS context has been established.</summary>
    NoDlmsContext = 1,
    /// <summary>loading-data-set (2): a data set is being loaded.</summary>
    LoadingDataSet = 2,
    /// <summary>status-nochange (3): the virtual device status cannot change now.</summary>
    StatusNoChange = 3,
    /// <summary>status-inoperable (4): the virtual device is inoperable.</summary>
    StatusInoperable = 4,
}

/// <summary>service [3].</summary>
public enum ServiceError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>pdu-size (1): the APDU is too long for the negotiated max-receive-pdu-size.</summary>
    PduSize = 1,
    /// <summary>service-unsupported (2): the service is not in the negotiated conformance block.</summary>
    ServiceUnsupported = 2,
}

/// <summary>definition [4].</summary>
public enum DefinitionError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>object-undefined (1): no object with this name exists.</summary>
    ObjectUndefined = 1,
    /// <summary>object-class-inconsistent (2): the object is not of the expected class.</summary>
    ObjectClassInconsistent = 2,
    /// <summary>object-attribute-inconsistent (3): the object has no such attribute.</summary>
    ObjectAttributeInconsistent = 3,
}

/// <summary>access [5].</summary>
public enum AccessError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>scope-of-access-violated (1): the access is outside the allowed scope.</summary>
    ScopeOfAccessViolated = 1,
    /// <summary>object-access-violated (2): the association's access rights do not allow this access.</summary>
    ObjectAccessViolated = 2,
    /// <summary>hardware-fault (3): the hardware failed during the access.</summary>
    HardwareFault = 3,
    /// <summary>object-unavailable (4): the object cannot be accessed now.</summary>
    ObjectUnavailable = 4,
}

/// <summary>initiate [6]: why the xDLMS context was refused.</summary>
public enum InitiateError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>dlms-version-too-low (1): the proposed DLMS version is below 6.</summary>
    DlmsVersionTooLow = 1,
    /// <summary>incompatible-conformance (2): no common conformance bits; nothing could be negotiated.</summary>
    IncompatibleConformance = 2,
    /// <summary>pdu-size-too-short (3): the client-max-receive-pdu-size is too small for the server.</summary>
    PduSizeTooShort = 3,
    /// <summary>refused-by-the-VDE-Handler (4): the server refused the xDLMS context for another reason.</summary>
    RefusedByTheVdeHandler = 4,
}

/// <summary>load-data-set [7].</summary>
public enum LoadDataSetError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>primitive-out-of-sequence (1).</summary>
    PrimitiveOutOfSequence = 1,
    /// <summary>not-loadable (2).</summary>
    NotLoadable = 2,
    /// <summary>dataset-size-too-large (3).</summary>
    DataSetSizeTooLarge = 3,
    /// <summary>not-awaited-segment (4).</summary>
    NotAwaitedSegment = 4,
    /// <summary>interpretation-failure (5).</summary>
    InterpretationFailure = 5,
    /// <summary>storage-failure (6).</summary>
    StorageFailure = 6,
    /// <summary>dataset-not-ready (7).</summary>
    DataSetNotReady = 7,
}

/// <summary>task [9].</summary>
public enum TaskError : byte
{
    /// <summary>other (0).</summary>
    Other = 0,
    /// <summary>no-remote-control (1): the task cannot be controlled remotely.</summary>
    NoRemoteControl = 1,
    /// <summary>ti-stopped (2): the task invocation is stopped.</summary>
    TiStopped = 2,
    /// <summary>ti-running (3): the task invocation is running.</summary>
    TiRunning = 3,
    /// <summary>ti-unusable (4): the task invocation is unusable.</summary>
    TiUnusable = 4,
}
