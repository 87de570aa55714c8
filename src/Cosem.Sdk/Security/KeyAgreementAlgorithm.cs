namespace Cosem.Sdk.Security;

/// <summary>
/// The algorithm an agreed key is for: the AlgorithmID of the KDF's OtherInfo, encoded as the OID value
/// 2.16.756.5.8.3.x (IEC 62056-5-3 §9.2.3.4.6.5, "Cryptographic algorithm ID").
/// </summary>
public enum KeyAgreementAlgorithm : byte
{
    AesGcm128 = 0,
    AesGcm256 = 1,
    AesWrap128 = 2,
    AesWrap256 = 3,
}
