using Org.BouncyCastle.Crypto.Agreement;

namespace Cosem.Sdk.Security;

/// <summary>
/// Elliptic-curve Diffie–Hellman as DLMS uses it (IEC 62056-5-3 §9.2.3.4.6, NIST SP 800-56A): the shared secret Z
/// is the x-coordinate of d·Q, left-padded to the curve size; the agreed key comes from <see cref="KeyDerivation"/>.
/// Ephemeral–static (One-Pass Diffie–Hellman C(1e, 1s)) and static–static (Static Unified Model C(0e, 2s)) differ
/// only in which key pairs go in.
/// </summary>
public static class EcdhKeyAgreement
{
    /// <summary>Z = x(d_own · Q_peer), the raw shared secret.</summary>
    public static byte[] ComputeSharedSecret(EccKeyPair own, EccPublicKey peer)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(peer);
        if (own.Curve != peer.Curve)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidPublicKey,
                $"Key agreement needs both keys on one curve; got {own.Curve} and {peer.Curve}.");
        }
        var agreement = new ECDHBasicAgreement();
        agreement.Init(own.PrivateKey);
        var z = agreement.CalculateAgreement(peer.Parameters);
        return Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(own.Curve.CoordinateLength(), z);
    }

    /// <summary>
    /// Sender side of ephemeral–static agreement: makes an ephemeral key pair, agrees with the recipient's static
    /// key and derives the key. The ephemeral public key goes to the recipient (signed, in general-ciphering's key-info).
    /// </summary>
    public static (EccPublicKey EphemeralPublicKey, byte[] Key) InitiateEphemeralStatic(SecuritySuite suite, EccPublicKey recipientStatic,
        KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo)
    {
        ArgumentNullException.ThrowIfNull(recipientStatic);
        var ephemeral = EccKeyPair.Generate(suite.Curve());
        var key = Derive(suite, ephemeral, recipientStatic, algorithm, partyUInfo, partyVInfo);
        return (ephemeral.PublicKey, key);
    }

    /// <summary>Recipient side of ephemeral–static agreement, with its static key and the sender's ephemeral public key.</summary>
    public static byte[] CompleteEphemeralStatic(SecuritySuite suite, EccKeyPair recipientStatic, EccPublicKey senderEphemeral,
        KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo) =>
        Derive(suite, recipientStatic, senderEphemeral, algorithm, partyUInfo, partyVInfo);

    /// <summary>Static–static agreement: either side, with its own static key and the peer's static public key.</summary>
    public static byte[] DeriveStaticStatic(SecuritySuite suite, EccKeyPair ownStatic, EccPublicKey peerStatic,
        KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo) =>
        Derive(suite, ownStatic, peerStatic, algorithm, partyUInfo, partyVInfo);

    private static byte[] Derive(SecuritySuite suite, EccKeyPair own, EccPublicKey peer, KeyAgreementAlgorithm algorithm,
        ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo)
    {
        if (own.Curve != suite.Curve())
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"Security suite {(int)suite} uses {suite.Curve()}, but the key is on {own.Curve}.");
        }
        var z = ComputeSharedSecret(own, peer);
        try
        {
            return KeyDerivation.DeriveAgreedKey(suite, z, algorithm, partyUInfo, partyVInfo);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(z);
        }
    }
}
