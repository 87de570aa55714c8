namespace Cosem.Sdk.Apdu;

/// <summary>The ServiceError CHOICE alternative (IEC 62056-5-3 §8 "ServiceError"); tag 8 is reserved.</summary>
public enum ServiceErrorKind : byte
{
    /// <summary>
    /// application-reference [0]: a problem with the application association (e.g. the peer is unreachable).
    /// </summary>
    ApplicationReference = 0,
    /// <summary>hardware-resource [1]: the server lacks memory, processor or storage to serve the request.</summary>
    HardwareResource = 1,
    /// <summary>
    /// vde-state-error [2]: the server's virtual device is in a state that does not allow the service.
    /// </summary>
    VdeStateError = 2,
    /// <summary>service [3]: the service is not supported, or the PDU size is wrong.</summary>
    Service = 3,
    /// <summary>definition [4]: the addressed object is undefined or inconsistent.</summary>
    Definition = 4,
    /// <summary>access [5]: access to the object was refused (rights, scope, hardware fault, unavailable).</summary>
    Access = 5,
    /// <summary>initiate [6]: the xDLMS context proposed in the InitiateRequest was refused.</summary>
    Initiate = 6,
    /// <summary>load-data-set [7]: a data set load failed (DLMS, not used by COSEM).</summary>
    LoadDataSet = 7,
    /// <summary>task [9]: a task invocation service failed (DLMS, not used by COSEM).</summary>
    Task = 9,
    /// <summary>other [10]: a manufacturer-specific code.</summary>
    Other = 10,
}
