namespace Cosem.Sdk.Apdu;

/// <summary>
/// ACSE-requirements BIT STRING (sender-/responder-acse-requirements): bit 0 selects the authentication functional
/// unit, which DLMS sets whenever a mechanism-name is sent (IEC 62056-5-3 §9).
/// </summary>
[Flags]
public enum AcseRequirements : uint
{
    None = 0,
    Authentication = 1 << 0,
}
