namespace Cosem.Sdk.Security;

/// <summary>The NIST curves used by security suites 1 and 2 (IEC 62056-5-3 Annex G).</summary>
public enum EccCurve
{
    /// <summary>NIST P-256 (secp256r1), security suite 1.</summary>
    P256,

    /// <summary>NIST P-384 (secp384r1), security suite 2.</summary>
    P384,
}
