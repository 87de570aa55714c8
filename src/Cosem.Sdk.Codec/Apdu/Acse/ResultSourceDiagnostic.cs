namespace Cosem.Sdk.Apdu;

/// <summary>
/// result-source-diagnostic of the AARE (ISO/IEC 8650-1, IEC 62056-5-3 §9): who answered, and the reason code.
/// </summary>
public readonly record struct ResultSourceDiagnostic(AcseDiagnosticSource Source, int Value)
{
    /// <summary>
    /// acse-service-user [1] diagnostic: the reason given by the responding application (the DLMS server).
    /// </summary>
    public static ResultSourceDiagnostic ServiceUser(AcseServiceUserDiagnostic diagnostic) => new(AcseDiagnosticSource.ServiceUser, (int)diagnostic);

    /// <summary>acse-service-provider [2] diagnostic: the reason given by the ACSE layer itself.</summary>
    public static ResultSourceDiagnostic ServiceProvider(AcseServiceProviderDiagnostic diagnostic) => new(AcseDiagnosticSource.ServiceProvider, (int)diagnostic);

    /// <summary>acse-service-user null: what an accepting server sends.</summary>
    public static ResultSourceDiagnostic None => ServiceUser(AcseServiceUserDiagnostic.Null);

    /// <summary>The acse-service-user reason, or null when the diagnostic came from the service provider.</summary>
    public AcseServiceUserDiagnostic? ServiceUserDiagnostic =>
        Source == AcseDiagnosticSource.ServiceUser ? (AcseServiceUserDiagnostic)Value : null;

    /// <summary>The acse-service-provider reason, or null when the diagnostic came from the service user.</summary>
    public AcseServiceProviderDiagnostic? ServiceProviderDiagnostic =>
        Source == AcseDiagnosticSource.ServiceProvider ? (AcseServiceProviderDiagnostic)Value : null;

    /// <summary>
    /// Diagnostic text in the ASN.1 naming (e.g. "acse-service-user AuthenticationFailure"); for logs.
    /// </summary>
    public override string ToString() => Source == AcseDiagnosticSource.ServiceUser
        ? $"acse-service-user {(AcseServiceUserDiagnostic)Value}"
        : $"acse-service-provider {(AcseServiceProviderDiagnostic)Value}";
}
