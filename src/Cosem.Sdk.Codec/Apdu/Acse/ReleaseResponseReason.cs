namespace Cosem.Sdk.Apdu;

/// <summary>Release-response-reason of the RLRE (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum ReleaseResponseReason
{
    /// <summary>normal (0): the server accepts the release.</summary>
    Normal = 0,
    /// <summary>not-finished (1): the server has not finished and does not accept the release.</summary>
    NotFinished = 1,
    /// <summary>user-defined (30).</summary>
    UserDefined = 30,
}
