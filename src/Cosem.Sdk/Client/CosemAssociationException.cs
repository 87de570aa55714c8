using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// The meter refused the association (AARE result rejected, IEC 62056-5-3 §9.3.2) — for instance a wrong password
/// (diagnostic authentication-failure) or an unknown client address — or refused the xDLMS context; or the
/// association failed the client's own security checks (HLS passes 3 and 4, the meter's system title or the
/// protection of its AARE), in which case <see cref="SecurityFailure"/> says why and the client released it.
/// </summary>
public sealed class CosemAssociationException : CosemException
{
    /// <summary>The meter refused the association in its AARE.</summary>
    /// <param name="result">The AARE result: rejected-permanent or rejected-transient.</param>
    /// <param name="diagnostic">The AARE result-source-diagnostic.</param>
    /// <param name="initiateError">The confirmed-service-error carried in the AARE's user-information when the xDLMS
    /// InitiateRequest was refused, else null.</param>
    public CosemAssociationException(AssociationResult result, ResultSourceDiagnostic diagnostic, ConfirmedServiceError? initiateError = null)
        : base(Describe(result, diagnostic, initiateError))
    {
        Result = result;
        Diagnostic = diagnostic;
        InitiateError = initiateError;
    }

    /// <summary>The association was accepted by the meter but failed a security check (message without key material).</summary>
    public CosemAssociationException(SecurityFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Result = AssociationResult.RejectedPermanent;
        Diagnostic = ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.AuthenticationFailure);
        SecurityFailure = failure;
    }

    /// <summary>rejected-permanent or rejected-transient.</summary>
    public AssociationResult Result { get; }

    /// <summary>Why: an ACSE service-user diagnostic (e.g. authentication-failure) or a service-provider one.</summary>
    public ResultSourceDiagnostic Diagnostic { get; }

    /// <summary>The confirmed-service-error in the AARE when the xDLMS InitiateRequest was refused (e.g. DLMS version too low).</summary>
    public ConfirmedServiceError? InitiateError { get; }

    /// <summary>Set when a security check failed after the AARE: HLS answer, system title, deciphering.</summary>
    public SecurityFailure? SecurityFailure { get; }

    private static string Describe(AssociationResult result, ResultSourceDiagnostic diagnostic, ConfirmedServiceError? initiateError) =>
        $"The meter refused the association: {result}, {diagnostic}" +
        (initiateError is { } error ? $", {error.ErrorKind} {error.Code}." : ".");
}
