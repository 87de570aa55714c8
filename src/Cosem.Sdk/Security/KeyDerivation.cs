using Org.BouncyCastle.Crypto.Agreement.Kdf;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Cosem.Sdk.Security;

/// <summary>
/// The NIST SP 800-56A concatenation KDF the Green Book uses for agreed keys (IEC 62056-5-3 §9.2.3.4.6.5):
/// key = H(counter ‖ Z ‖ OtherInfo)…, OtherInfo = AlgorithmID ‖ PartyUInfo ‖ PartyVInfo (SuppPubInfo and
/// SuppPrivInfo empty), H = SHA-256 for suite 1 and SHA-384 for suite 2.
/// </summary>
public static class KeyDerivation
{
    // DER value of OID 2.16.756.5.8.3 (60 85 74 05 08 03); the algorithm arc follows.
    private static ReadOnlySpan<byte> AlgorithmIdPrefix => [0x60, 0x85, 0x74, 0x05, 0x08, 0x03];

    /// <summary>The AlgorithmID bytes for <paramref name="algorithm"/>: 60 85 74 05 08 03 0x.</summary>
    public static byte[] AlgorithmId(KeyAgreementAlgorithm algorithm)
    {
        var id = new byte[AlgorithmIdPrefix.Length + 1];
        AlgorithmIdPrefix.CopyTo(id);
        id[^1] = (byte)algorithm;
        return id;
    }

    /// <summary>Key length in bytes the algorithm needs.</summary>
    public static int KeyLength(KeyAgreementAlgorithm algorithm) =>
        algorithm is KeyAgreementAlgorithm.AesGcm128 or KeyAgreementAlgorithm.AesWrap128 ? 16 : 32;

    /// <summary>OtherInfo = AlgorithmID ‖ PartyUInfo ‖ PartyVInfo.</summary>
    public static byte[] OtherInfo(KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo)
    {
        var id = AlgorithmId(algorithm);
        var info = new byte[id.Length + partyUInfo.Length + partyVInfo.Length];
        id.CopyTo(info, 0);
        partyUInfo.CopyTo(info.AsSpan(id.Length));
        partyVInfo.CopyTo(info.AsSpan(id.Length + partyUInfo.Length));
        return info;
    }

    /// <summary>The concatenation KDF over shared secret <paramref name="z"/> with the suite's hash.</summary>
    public static byte[] Derive(SecuritySuite suite, ReadOnlySpan<byte> z, ReadOnlySpan<byte> otherInfo, int keyLength)
    {
        if (keyLength <= 0)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, $"A derived key must be at least one byte, got {keyLength}.");
        }
        IDigest digest = suite switch
        {
            SecuritySuite.Suite1 => new Sha256Digest(),
            SecuritySuite.Suite2 => new Sha384Digest(),
            _ => throw new CosemSecurityException(SecurityFailure.UnsupportedSuite,
                $"Key agreement needs security suite 1 or 2, not {(int)suite}."),
        };
        var kdf = new ConcatenationKdfGenerator(digest);
        kdf.Init(new KdfParameters(z.ToArray(), otherInfo.ToArray()));
        var key = new byte[keyLength];
        kdf.GenerateBytes(key, 0, key.Length);
        return key;
    }

    /// <summary>The agreed key for <paramref name="algorithm"/> between party U and party V (system titles, or as the mode requires).</summary>
    public static byte[] DeriveAgreedKey(SecuritySuite suite, ReadOnlySpan<byte> z, KeyAgreementAlgorithm algorithm,
        ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo) =>
        Derive(suite, z, OtherInfo(algorithm, partyUInfo, partyVInfo), KeyLength(algorithm));
}
