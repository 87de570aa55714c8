namespace Cosem.Sdk.Apdu;

/// <summary>Which ACSE entity produced the AARE diagnostic: the Associate-source-diagnostic CHOICE tag.</summary>
public enum AcseDiagnosticSource
{
    /// <summary>acse-service-user [1].</summary>
    ServiceUser = 1,
    /// <summary>acse-service-provider [2].</summary>
    ServiceProvider = 2,
}
