using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;

namespace Cosem.Sdk.Security;

/// <summary>
/// ECDSA as DLMS uses it (IEC 62056-5-3 §9.2.3.4.5): P-256 with SHA-256 (suite 1), P-384 with SHA-384 (suite 2);
/// the signature is r ‖ s, each left-padded to the curve size. Signing is deterministic (RFC 6979), so a weak
/// random source can never leak the private key.
/// </summary>
public static class EcdsaSignature
{
    /// <summary>Signs <paramref name="message"/> (hashed with the curve's hash) and returns r ‖ s.</summary>
    public static byte[] Sign(EccKeyPair key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = new byte[key.Curve.SignatureLength()];
        Sign(key, message, signature);
        return signature;
    }

    /// <summary>Signs into <paramref name="signature"/> (exactly <see cref="EccCurveExtensions.SignatureLength"/> bytes).</summary>
    public static void Sign(EccKeyPair key, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        var size = key.Curve.CoordinateLength();
        if (signature.Length != 2 * size)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"A {key.Curve} signature has {2 * size} bytes; the destination has {signature.Length}.");
        }
        var hash = Hash(key.Curve, message);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(EccDomain.Digest(key.Curve)));
        signer.Init(true, key.PrivateKey);
        var rs = signer.GenerateSignature(hash);
        BigIntegers.AsUnsignedByteArray(rs[0], signature[..size]);
        BigIntegers.AsUnsignedByteArray(rs[1], signature[size..]);
    }

    /// <summary>Whether <paramref name="signature"/> (r ‖ s) is a valid signature of <paramref name="message"/>.</summary>
    public static bool Verify(EccPublicKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        var size = key.Curve.CoordinateLength();
        if (signature.Length != 2 * size)
        {
            return false;
        }
        var r = new BigInteger(1, signature[..size].ToArray());
        var s = new BigInteger(1, signature[size..].ToArray());
        var verifier = new ECDsaSigner();
        verifier.Init(false, key.Parameters);
        return verifier.VerifySignature(Hash(key.Curve, message), r, s);
    }

    /// <summary>Verifies or throws <see cref="CosemSecurityException"/> with <see cref="SecurityFailure.InvalidSignature"/>.</summary>
    public static void EnsureValid(EccPublicKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!Verify(key, message, signature))
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSignature, $"The {key.Curve} ECDSA signature does not verify.");
        }
    }

    private static byte[] Hash(EccCurve curve, ReadOnlySpan<byte> message)
    {
        var digest = EccDomain.Digest(curve);
        var hash = new byte[digest.GetDigestSize()];
        digest.BlockUpdate(message);
        digest.DoFinal(hash, 0);
        return hash;
    }
}
