namespace Cosem.Sdk.Apdu;

/// <summary>
/// The DLMS authentication mechanism names, object identifiers {2 16 756 5 8 2 x} (IEC 62056-5-3 §9, Green Book
/// "Authentication mechanism names"); the value is the last arc.
/// </summary>
public enum MechanismName
{
    /// <summary>COSEM_lowest_level_security_mechanism_name: no authentication.</summary>
    None = 0,
    /// <summary>LLS: a password in the calling-authentication-value.</summary>
    Low = 1,
    /// <summary>HLS with a manufacturer-specific method.</summary>
    High = 2,
    /// <summary>HLS with MD5 (deprecated).</summary>
    HighMd5 = 3,
    /// <summary>HLS with SHA-1 (deprecated).</summary>
    HighSha1 = 4,
    /// <summary>HLS with GMAC (security suite 0-2).</summary>
    HighGmac = 5,
    /// <summary>HLS with SHA-256.</summary>
    HighSha256 = 6,
    /// <summary>HLS with ECDSA (security suite 1-2).</summary>
    HighEcdsa = 7,
}
