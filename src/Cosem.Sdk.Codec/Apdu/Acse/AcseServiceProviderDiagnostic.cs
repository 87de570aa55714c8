namespace Cosem.Sdk.Apdu;

/// <summary>acse-service-provider [2] of the AARE result-source-diagnostic (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum AcseServiceProviderDiagnostic
{
    /// <summary>null (0): no diagnostic from the ACSE service provider.</summary>
    Null = 0,
    /// <summary>no-reason-given (1): the provider rejected the association without saying why.</summary>
    NoReasonGiven = 1,
    /// <summary>no-common-acse-version (2): the peers share no ACSE protocol version.</summary>
    NoCommonAcseVersion = 2,
}
