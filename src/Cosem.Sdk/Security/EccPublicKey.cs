using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Cosem.Sdk.Security;

/// <summary>
/// A P-256 or P-384 public key. DLMS carries public keys as X ‖ Y, each coordinate left-padded to the curve size
/// (IEC 62056-5-3 §9.2.3.4.6), which <see cref="FromRaw"/> and <see cref="ToRaw"/> read and write.
/// </summary>
public sealed class EccPublicKey : IEquatable<EccPublicKey>
{
    internal EccPublicKey(EccCurve curve, ECPublicKeyParameters parameters)
    {
        Curve = curve;
        Parameters = parameters;
    }

    /// <summary>The curve: P-256 (security suite 1) or P-384 (security suite 2).</summary>
    public EccCurve Curve { get; }

    internal ECPublicKeyParameters Parameters { get; }

    /// <summary>Reads X ‖ Y (64 bytes for P-256, 96 for P-384); rejects points not on the curve.</summary>
    public static EccPublicKey FromRaw(EccCurve curve, ReadOnlySpan<byte> xy)
    {
        var expected = curve.PublicKeyLength();
        if (xy.Length != expected)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidPublicKey,
                $"A {curve} public key has {expected} bytes (X ‖ Y), got {xy.Length}.");
        }
        var encoded = new byte[expected + 1];
        encoded[0] = 0x04; // SEC 1 uncompressed point
        xy.CopyTo(encoded.AsSpan(1));
        return FromEncodedPoint(curve, encoded);
    }

    /// <summary>Reads a SEC 1 point: 04 ‖ X ‖ Y (uncompressed) or 02/03 ‖ X (compressed).</summary>
    public static EccPublicKey FromEncodedPoint(EccCurve curve, ReadOnlySpan<byte> point)
    {
        var domain = EccDomain.Of(curve);
        try
        {
            var q = domain.Curve.DecodePoint(point.ToArray());
            return new EccPublicKey(curve, new ECPublicKeyParameters("EC", q, domain));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidPublicKey, $"The bytes are not a point of {curve}.", ex);
        }
    }

    /// <summary>Reads a DER SubjectPublicKeyInfo (as in certificates and PKCS#10 requests).</summary>
    public static EccPublicKey FromSubjectPublicKeyInfo(ReadOnlySpan<byte> der)
    {
        try
        {
            var key = PublicKeyFactory.CreateKey(der.ToArray());
            return FromBouncyCastle(key as ECPublicKeyParameters
                ?? throw new CosemSecurityException(SecurityFailure.InvalidPublicKey, "The key is not an elliptic-curve key."));
        }
        catch (Exception ex) when (ex is not CosemSecurityException)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidPublicKey, "The bytes are not a DER SubjectPublicKeyInfo.", ex);
        }
    }

    internal static EccPublicKey FromBouncyCastle(ECPublicKeyParameters key)
    {
        var curve = EccDomain.Identify(key.Parameters)
            ?? throw new CosemSecurityException(SecurityFailure.InvalidPublicKey, "The key is on a curve other than P-256 or P-384.");
        // Rebind to the named domain so later operations (and DER export) name the curve.
        return new EccPublicKey(curve, new ECPublicKeyParameters("EC", key.Q, EccDomain.Of(curve)));
    }

    /// <summary>X ‖ Y, as DLMS carries it.</summary>
    public byte[] ToRaw()
    {
        var encoded = Parameters.Q.Normalize().GetEncoded(compressed: false);
        return encoded[1..];
    }

    /// <summary>DER SubjectPublicKeyInfo with the named curve.</summary>
    public byte[] ToSubjectPublicKeyInfo() =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(Parameters).GetDerEncoded();

    /// <summary>Whether <paramref name="other"/> is the same point on the same curve.</summary>
    public bool Equals(EccPublicKey? other) => other is not null && Curve == other.Curve && Parameters.Q.Equals(other.Parameters.Q);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EccPublicKey);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Curve, Parameters.Q.GetHashCode());

    // Public keys are not secret; the hex is useful in logs and certificates.
    /// <inheritdoc/>
    public override string ToString() => $"{Curve} public key {Convert.ToHexString(ToRaw())}";
}
