using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

/// <summary>
/// The meter refused the association (AARE result rejected, IEC 62056-5-3 §9.3.2) — for instance a wrong password
/// (diagnostic authentication-failure) or an unknown client address — or refused the xDLMS context.
/// </summary>
public sealed class CosemAssociationException : CosemException
{
    public CosemAssociationException(AssociationResult result, ResultSourceDiagnostic diagnostic, ConfirmedServiceError? initiateError = null)
        : base(Describe(result, diagnostic, initiateError))
    {
        Result = result;
        Diagnostic = diagnostic;
        InitiateError = initiateError;
    }

    /// <summary>rejected-permanent or rejected-transient.</summary>
    public AssociationResult Result { get; }

    /// <summary>Why: an ACSE service-user diagnostic (e.g. authentication-failure) or a service-provider one.</summary>
    public ResultSourceDiagnostic Diagnostic { get; }

    /// <summary>The confirmed-service-error in the AARE when the xDLMS InitiateRequest was refused (e.g. DLMS version too low).</summary>
    public ConfirmedServiceError? InitiateError { get; }

    private static string Describe(AssociationResult result, ResultSourceDiagnostic diagnostic, ConfirmedServiceError? initiateError) =>
        $"The meter refused the association: {result}, {diagnostic}" +
        (initiateError is { } error ? $", {error.ErrorKind} {error.Code}." : ".");
}
