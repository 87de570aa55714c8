using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

/// <summary>
/// What an <see cref="AssociationAuthentication"/> decided about an AARQ (IEC 62056-5-3 §9.2.7.2, passes 1 and 2).
/// </summary>
/// <param name="Diagnostic">acse-service-user diagnostic for the AARE: <see cref="AcseServiceUserDiagnostic.Null"/>
/// when accepted, <see cref="AcseServiceUserDiagnostic.AuthenticationRequired"/> when an HLS challenge follows.</param>
/// <param name="ServerChallenge">HLS: the StoC challenge sent in responding-authentication-value.</param>
public readonly record struct AuthenticationOutcome(AcseServiceUserDiagnostic Diagnostic, ReadOnlyMemory<byte>? ServerChallenge = null)
{
    /// <summary>Accepted outright (no authentication, or LLS with the right password).</summary>
    public static AuthenticationOutcome Accepted => new(AcseServiceUserDiagnostic.Null);

    /// <summary>Refused: wrong password or failed verification.</summary>
    public static AuthenticationOutcome Failed => new(AcseServiceUserDiagnostic.AuthenticationFailure);

    /// <summary>HLS: accepted pending the client's answer to <paramref name="serverChallenge"/>.</summary>
    public static AuthenticationOutcome Challenge(ReadOnlyMemory<byte> serverChallenge) =>
        new(AcseServiceUserDiagnostic.AuthenticationRequired, serverChallenge);

    /// <summary>The association may be established (fully, or pending the HLS passes 3 and 4).</summary>
    public bool IsAccepted => Diagnostic is AcseServiceUserDiagnostic.Null or AcseServiceUserDiagnostic.AuthenticationRequired;

    /// <summary>The association stays pending until reply_to_HLS_authentication succeeds.</summary>
    public bool IsPending => Diagnostic == AcseServiceUserDiagnostic.AuthenticationRequired;
}
