using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Cosem.Sdk.Security;

/// <summary>
/// A P-256 or P-384 private key with its public key: the signing key of ECDSA (HLS 7, general-signing) or the
/// static key of ECDH key agreement. <see cref="ToString"/> shows only the public key.
/// </summary>
public sealed class EccKeyPair
{
    private static readonly SecureRandom Random = new();

    private EccKeyPair(EccCurve curve, ECPrivateKeyParameters privateKey, EccPublicKey publicKey)
    {
        Curve = curve;
        PrivateKey = privateKey;
        PublicKey = publicKey;
    }

    /// <summary>The curve: P-256 (security suite 1) or P-384 (security suite 2).</summary>
    public EccCurve Curve { get; }

    /// <summary>The public half, safe to share (e.g. in a certificate request or Security setup export).</summary>
    public EccPublicKey PublicKey { get; }

    internal ECPrivateKeyParameters PrivateKey { get; }

    /// <summary>A new random key pair (Security setup generate_key_pair).</summary>
    public static EccKeyPair Generate(EccCurve curve)
    {
        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(EccDomain.Of(curve), Random));
        var pair = generator.GenerateKeyPair();
        var privateKey = (ECPrivateKeyParameters)pair.Private;
        return new EccKeyPair(curve, privateKey, new EccPublicKey(curve, (ECPublicKeyParameters)pair.Public));
    }

    /// <summary>A key pair from the raw private scalar d (32 bytes for P-256, 48 for P-384, big-endian).</summary>
    public static EccKeyPair FromPrivateKey(EccCurve curve, ReadOnlySpan<byte> d)
    {
        var domain = EccDomain.Of(curve);
        if (d.Length != curve.CoordinateLength())
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"A {curve} private key has {curve.CoordinateLength()} bytes, got {d.Length}.");
        }
        var scalar = new BigInteger(1, d.ToArray());
        if (scalar.SignValue <= 0 || scalar.CompareTo(domain.N) >= 0)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, $"The private key is out of range for {curve}.");
        }
        var privateKey = new ECPrivateKeyParameters("EC", scalar, domain);
        var q = domain.G.Multiply(scalar).Normalize();
        return new EccKeyPair(curve, privateKey, new EccPublicKey(curve, new ECPublicKeyParameters("EC", q, domain)));
    }

    /// <summary>Reads an unencrypted PKCS#8 PrivateKeyInfo (DER), e.g. a key file for suites 1 and 2.</summary>
    public static EccKeyPair FromPkcs8(ReadOnlySpan<byte> der)
    {
        AsymmetricKeyParameter key;
        try
        {
            key = PrivateKeyFactory.CreateKey(der.ToArray());
        }
        catch (Exception ex)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, "The bytes are not a PKCS#8 private key.", ex);
        }
        if (key is not ECPrivateKeyParameters ec || EccDomain.Identify(ec.Parameters) is not { } curve)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, "The private key is not a P-256 or P-384 key.");
        }
        return FromPrivateKey(curve, ec.D.ToByteArrayUnsigned().AsSpan().PadLeft(curve.CoordinateLength()));
    }

    /// <summary>The raw private scalar d, left-padded to the curve size. Handle with care.</summary>
    public byte[] ExportPrivateKey() => BigIntegers.AsUnsignedByteArray(Curve.CoordinateLength(), PrivateKey.D);

    /// <summary>Unencrypted PKCS#8 PrivateKeyInfo (DER). Handle with care.</summary>
    public byte[] ExportPkcs8() => PrivateKeyInfoFactory.CreatePrivateKeyInfo(PrivateKey).GetDerEncoded();

    /// <inheritdoc/>
    public override string ToString() => $"EccKeyPair({Curve}, private key hidden, {PublicKey})";
}
