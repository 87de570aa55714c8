namespace Cosem.Sdk.Apdu;

/// <summary>Release-request-reason of the RLRQ (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum ReleaseRequestReason
{
    /// <summary>normal (0): the client ends the association normally.</summary>
    Normal = 0,
    /// <summary>urgent (1): the client needs to end the association urgently.</summary>
    Urgent = 1,
    /// <summary>user-defined (30).</summary>
    UserDefined = 30,
}
