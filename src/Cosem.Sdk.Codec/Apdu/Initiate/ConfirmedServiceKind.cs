namespace Cosem.Sdk.Apdu;

/// <summary>
/// The service a ConfirmedServiceError answers (IEC 62056-5-3 §8 "ConfirmedServiceError" CHOICE; tag 0 is reserved).
/// </summary>
public enum ConfirmedServiceKind : byte
{
    /// <summary>initiateError [1]: the xDLMS InitiateRequest was refused (sent in the AARE user-information).</summary>
    InitiateError = 1,
    /// <summary>getStatus [2] (DLMS, not used by COSEM).</summary>
    GetStatus = 2,
    /// <summary>getNameList [3] (DLMS, not used by COSEM).</summary>
    GetNameList = 3,
    /// <summary>getVariableAttribute [4] (DLMS, not used by COSEM).</summary>
    GetVariableAttribute = 4,
    /// <summary>read [5]: a short-name ReadRequest failed.</summary>
    Read = 5,
    /// <summary>write [6]: a short-name WriteRequest failed.</summary>
    Write = 6,
    /// <summary>getDataSetAttribute [7] (DLMS, not used by COSEM).</summary>
    GetDataSetAttribute = 7,
    /// <summary>getTIAttribute [8] (DLMS task invocation, not used by COSEM).</summary>
    GetTIAttribute = 8,
    /// <summary>changeScope [9] (DLMS, not used by COSEM).</summary>
    ChangeScope = 9,
    /// <summary>start [10] (DLMS task invocation, not used by COSEM).</summary>
    Start = 10,
    /// <summary>stop [11] (DLMS task invocation, not used by COSEM).</summary>
    Stop = 11,
    /// <summary>resume [12] (DLMS task invocation, not used by COSEM).</summary>
    Resume = 12,
    /// <summary>makeUsable [13] (DLMS, not used by COSEM).</summary>
    MakeUsable = 13,
    /// <summary>initiateLoad [14] (DLMS data set loading, not used by COSEM).</summary>
    InitiateLoad = 14,
    /// <summary>loadSegment [15] (DLMS data set loading, not used by COSEM).</summary>
    LoadSegment = 15,
    /// <summary>terminateLoad [16] (DLMS data set loading, not used by COSEM).</summary>
    TerminateLoad = 16,
    /// <summary>initiateUpLoad [17] (DLMS data set upload, not used by COSEM).</summary>
    InitiateUpLoad = 17,
    /// <summary>upLoadSegment [18] (DLMS data set upload, not used by COSEM).</summary>
    UpLoadSegment = 18,
    /// <summary>terminateUpLoad [19] (DLMS data set upload, not used by COSEM).</summary>
    TerminateUpLoad = 19,
}
