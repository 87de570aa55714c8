namespace Cosem.Sdk.Apdu;

/// <summary>acse-service-provider [2] of the AARE result-source-diagnostic (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum AcseServiceProviderDiagnostic
{
    Null = 0,
    NoReasonGiven = 1,
    NoCommonAcseVersion = 2,
}
