namespace Cosem.Sdk.Apdu;

// The ENUMERATED values of each ServiceError alternative (IEC 62056-5-3 §8 "ServiceError").

/// <summary>application-reference [0].</summary>
public enum ApplicationReferenceError : byte
{
    Other = 0,
    TimeElapsed = 1,
    ApplicationUnreachable = 2,
    ApplicationReferenceInvalid = 3,
    ApplicationContextUnsupported = 4,
    ProviderCommunicationError = 5,
    DecipheringError = 6,
}

/// <summary>hardware-resource [1].</summary>
public enum HardwareResourceError : byte
{
    Other = 0,
    MemoryUnavailable = 1,
    ProcessorResourceUnavailable = 2,
    MassStorageUnavailable = 3,
    OtherResourceUnavailable = 4,
}

/// <summary>vde-state-error [2].</summary>
public enum VdeStateError : byte
{
    Other = 0,
    NoDlmsContext = 1,
    LoadingDataSet = 2,
    StatusNoChange = 3,
    StatusInoperable = 4,
}

/// <summary>service [3].</summary>
public enum ServiceError : byte
{
    Other = 0,
    PduSize = 1,
    ServiceUnsupported = 2,
}

/// <summary>definition [4].</summary>
public enum DefinitionError : byte
{
    Other = 0,
    ObjectUndefined = 1,
    ObjectClassInconsistent = 2,
    ObjectAttributeInconsistent = 3,
}

/// <summary>access [5].</summary>
public enum AccessError : byte
{
    Other = 0,
    ScopeOfAccessViolated = 1,
    ObjectAccessViolated = 2,
    HardwareFault = 3,
    ObjectUnavailable = 4,
}

/// <summary>initiate [6]: why the xDLMS context was refused.</summary>
public enum InitiateError : byte
{
    Other = 0,
    DlmsVersionTooLow = 1,
    IncompatibleConformance = 2,
    PduSizeTooShort = 3,
    RefusedByTheVdeHandler = 4,
}

/// <summary>load-data-set [7].</summary>
public enum LoadDataSetError : byte
{
    Other = 0,
    PrimitiveOutOfSequence = 1,
    NotLoadable = 2,
    DataSetSizeTooLarge = 3,
    NotAwaitedSegment = 4,
    InterpretationFailure = 5,
    StorageFailure = 6,
    DataSetNotReady = 7,
}

/// <summary>task [9].</summary>
public enum TaskError : byte
{
    Other = 0,
    NoRemoteControl = 1,
    TiStopped = 2,
    TiRunning = 3,
    TiUnusable = 4,
}
