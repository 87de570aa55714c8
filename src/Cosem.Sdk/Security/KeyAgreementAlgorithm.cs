namespace Cosem.Sdk.Security;

/// <summary>
/// The algorithm an agreed key is for: the AlgorithmID of the KDF's OtherInfo, encoded as the OID value
/// 2.16.756.5.8.3.x (IEC 62056-5-3 §9.2.3.4.6.5, "Cryptographic algorithm ID").
/// </summary>
public enum KeyAgreementAlgorithm : byte
{
    /// <summary>AES-GCM-128 (OID 2.16.756.5.8.3.0): the agreed key is a 128-bit block cipher key (suite 1).</summary>
    AesGcm128 = 0,
    /// <summary>AES-GCM-256 (OID 2.16.756.5.8.3.1): the agreed key is a 256-bit block cipher key (suite 2).</summary>
    AesGcm256 = 1,
    /// <summary>AES-WRAP-128 (OID 2.16.756.5.8.3.2): the agreed key is a 128-bit key-encrypting key.</summary>
    AesWrap128 = 2,
    /// <summary>AES-WRAP-256 (OID 2.16.756.5.8.3.3): the agreed key is a 256-bit key-encrypting key.</summary>
    AesWrap256 = 3,
}
