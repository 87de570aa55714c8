using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// How a client authenticates when it opens an association (IEC 62056-5-3 §9.2.7.4, DLMS UA Green Book
/// "authentication mechanisms"): <see cref="None"/> (lowest level security), <see cref="Low(string)"/> (LLS, a
/// password in the AARQ), <see cref="High(HlsMechanism, ClientSecurity)"/> (HLS mechanisms 3–7).
/// </summary>
/// <remarks>
/// High level security (mechanisms 2–7) plugs in by subclassing: <see cref="CreateCallingValue"/> puts the CtoS
/// challenge in the AARQ and <see cref="CompleteAsync"/> runs passes 3 and 4 (reply_to_HLS_authentication on the
/// current association object) once the AARE is accepted.
/// </remarks>
public abstract class Authentication
{
    /// <summary>No authentication: mechanism lowest-level-security, nothing in the AARQ.</summary>
    public static Authentication None { get; } = new NoAuthentication();

    /// <summary>Low level security: <paramref name="password"/> (ASCII) travels in the AARQ.</summary>
    public static Authentication Low(string password) => new LowLevelAuthentication(password);

    /// <summary>Low level security with a binary secret.</summary>
    public static Authentication Low(ReadOnlySpan<byte> password) => new LowLevelAuthentication(password);

    /// <summary>
    /// High level security with <paramref name="mechanism"/> (3 MD5, 4 SHA-1, 5 GMAC, 6 SHA-256, 7 ECDSA): the HLS
    /// secret (3, 4, 6), the keys (5) or the client's signing key and the meter's public key (7) come from
    /// <paramref name="security"/>, as do the system titles; share it with <see cref="ApduProtection.Ciphered"/>.
    /// </summary>
    public static Authentication High(HlsMechanism mechanism, ClientSecurity security) => new HighLevelAuthentication(mechanism, security);

    /// <summary>The mechanism-name the AARQ proposes.</summary>
    public abstract MechanismName Mechanism { get; }

    /// <summary>calling-AP-title of the AARQ when no <see cref="ApduProtection"/> supplies it (HLS 5–7 need the client system title).</summary>
    protected internal virtual ReadOnlyMemory<byte>? CallingApTitle => null;

    /// <summary>The calling-authentication-value of the AARQ (LLS password, HLS challenge), or null for none.</summary>
    protected internal abstract AuthenticationValue? CreateCallingValue();

    /// <summary>
    /// Runs after the meter accepted the AARE, on the new association: HLS passes 3 and 4. Throw a
    /// <see cref="CosemException"/> to refuse the association; the client then releases and disconnects.
    /// </summary>
    protected internal virtual ValueTask CompleteAsync(ICosemSession session, AareApdu response, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
