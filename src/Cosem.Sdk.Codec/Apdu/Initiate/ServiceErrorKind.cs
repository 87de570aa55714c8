namespace Cosem.Sdk.Apdu;

/// <summary>The ServiceError CHOICE alternative (IEC 62056-5-3 §8 "ServiceError"); tag 8 is reserved.</summary>
public enum ServiceErrorKind : byte
{
    ApplicationReference = 0,
    HardwareResource = 1,
    VdeStateError = 2,
    Service = 3,
    Definition = 4,
    Access = 5,
    Initiate = 6,
    LoadDataSet = 7,
    Task = 9,
    /// <summary>other [10]: a manufacturer-specific code.</summary>
    Other = 10,
}
