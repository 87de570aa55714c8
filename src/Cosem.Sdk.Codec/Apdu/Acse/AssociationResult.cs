namespace Cosem.Sdk.Apdu;

/// <summary>Associate-result of the AARE (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum AssociationResult
{
    /// <summary>accepted (0): the association is established.</summary>
    Accepted = 0,
    /// <summary>rejected-permanent (1): the server refused; repeating the same AARQ will fail again.</summary>
    RejectedPermanent = 1,
    /// <summary>
    /// rejected-transient (2): the server refused for now (e.g. busy); the same AARQ may succeed later.
    /// </summary>
    RejectedTransient = 2,
}
