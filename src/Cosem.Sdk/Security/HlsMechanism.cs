namespace Cosem.Sdk.Security;

/// <summary>
/// The high level security authentication mechanisms (IEC 62056-5-3 §9.2.7.4); the value is the mechanism id,
/// the last arc of the mechanism-name OID 2.16.756.5.8.2.x.
/// </summary>
public enum HlsMechanism : byte
{
    /// <summary>f(challenge) = MD5(challenge ‖ HLS secret). Deprecated by the Green Book but still in the field.</summary>
    Md5 = 3,

    /// <summary>f(challenge) = SHA-1(challenge ‖ HLS secret). Deprecated by the Green Book but still in the field.</summary>
    Sha1 = 4,

    /// <summary>f(challenge) = SC ‖ IC ‖ GMAC(SC ‖ AK ‖ challenge).</summary>
    Gmac = 5,

    /// <summary>f(challenge) = SHA-256(HLS secret ‖ own system title ‖ peer system title ‖ challenge received ‖ challenge sent).</summary>
    Sha256 = 6,

    /// <summary>f(challenge) = ECDSA(own system title ‖ peer system title ‖ challenge received ‖ challenge sent).</summary>
    Ecdsa = 7,
}
