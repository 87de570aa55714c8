namespace Cosem.Sdk.Security;

/// <summary>The DLMS/COSEM security suites (IEC 62056-5-3 §9.2.3.7, Green Book "Security suite").</summary>
public enum SecuritySuite : byte
{
    /// <summary>AES-GCM-128 for ciphering and GMAC, AES-128 key wrap.</summary>
    Suite0 = 0,

    /// <summary>AES-GCM-128, ECDH and ECDSA on P-256 with SHA-256, AES-128 key wrap.</summary>
    Suite1 = 1,

    /// <summary>AES-GCM-256, ECDH and ECDSA on P-384 with SHA-384, AES-256 key wrap.</summary>
    Suite2 = 2,
}
