namespace Cosem.Sdk.Apdu;

/// <summary>
/// ACSE-requirements BIT STRING (sender-/responder-acse-requirements): bit 0 selects the authentication functional
/// unit, which DLMS sets whenever a mechanism-name is sent (IEC 62056-5-3 §9).
/// </summary>
[Flags]
public enum AcseRequirements : uint
{
    /// <summary>
    /// No functional unit: the AARQ/AARE carries no sender-acse-requirements/responder-acse-requirements field, as in
    /// an association with no authentication (lowest-level security).
    /// </summary>
    None = 0,
    /// <summary>
    /// authentication (bit 0 of ACSE-requirements): the authentication functional unit is selected, so mechanism-name
    /// and authentication-value are present.
    /// </summary>
    Authentication = 1 << 0,
}
