namespace Cosem.Sdk.Apdu;

/// <summary>
/// result-source-diagnostic of the AARE (ISO/IEC 8650-1, IEC 62056-5-3 §9): who answered, and the reason code.
/// </summary>
public readonly record struct ResultSourceDiagnostic(AcseDiagnosticSource Source, int Value)
{
    public static ResultSourceDiagnostic ServiceUser(AcseServiceUserDiagnostic diagnostic) => new(AcseDiagnosticSource.ServiceUser, (int)diagnostic);

    public static ResultSourceDiagnostic ServiceProvider(AcseServiceProviderDiagnostic diagnostic) => new(AcseDiagnosticSource.ServiceProvider, (int)diagnostic);

    /// <summary>acse-service-user null: what an accepting server sends.</summary>
    public static ResultSourceDiagnostic None => ServiceUser(AcseServiceUserDiagnostic.Null);

    public AcseServiceUserDiagnostic? ServiceUserDiagnostic =>
        Source == AcseDiagnosticSource.ServiceUser ? (AcseServiceUserDiagnostic)Value : null;

    public AcseServiceProviderDiagnostic? ServiceProviderDiagnostic =>
        Source == AcseDiagnosticSource.ServiceProvider ? (AcseServiceProviderDiagnostic)Value : null;

    public override string ToString() => Source == AcseDiagnosticSource.ServiceUser
        ? $"acse-service-user {(AcseServiceUserDiagnostic)Value}"
        : $"acse-service-provider {(AcseServiceProviderDiagnostic)Value}";
}
