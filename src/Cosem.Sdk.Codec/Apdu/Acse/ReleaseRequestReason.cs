namespace Cosem.Sdk.Apdu;

/// <summary>Release-request-reason of the RLRQ (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum ReleaseRequestReason
{
    Normal = 0,
    Urgent = 1,
    UserDefined = 30,
}
