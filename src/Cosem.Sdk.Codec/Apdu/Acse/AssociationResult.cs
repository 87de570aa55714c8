namespace Cosem.Sdk.Apdu;

/// <summary>Associate-result of the AARE (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum AssociationResult
{
    Accepted = 0,
    RejectedPermanent = 1,
    RejectedTransient = 2,
}
