namespace Cosem.Sdk.Apdu;

/// <summary>Release-response-reason of the RLRE (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum ReleaseResponseReason
{
    Normal = 0,
    NotFinished = 1,
    UserDefined = 30,
}
