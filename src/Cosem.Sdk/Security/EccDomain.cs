using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto;

namespace Cosem.Sdk.Security;

/// <summary>BouncyCastle domain parameters and digests for the two curves (IEC 62056-5-3 Annex G).</summary>
internal static class EccDomain
{
    private static readonly ECNamedDomainParameters P256 = Create(SecObjectIdentifiers.SecP256r1);
    private static readonly ECNamedDomainParameters P384 = Create(SecObjectIdentifiers.SecP384r1);

    public static ECNamedDomainParameters Of(EccCurve curve) => curve switch
    {
        EccCurve.P256 => P256,
        EccCurve.P384 => P384,
        _ => throw new CosemSecurityException(SecurityFailure.UnsupportedSuite, $"Curve {(int)curve} is not supported."),
    };

    public static IDigest Digest(EccCurve curve) => curve == EccCurve.P256 ? new Sha256Digest() : new Sha384Digest();

    /// <summary>The curve whose parameters these are, or null when it is neither P-256 nor P-384.</summary>
    public static EccCurve? Identify(ECDomainParameters domain)
    {
        if (domain.Equals(P256) || domain.Curve.Equals(P256.Curve) && domain.G.Equals(P256.G))
        {
            return EccCurve.P256;
        }
        if (domain.Equals(P384) || domain.Curve.Equals(P384.Curve) && domain.G.Equals(P384.G))
        {
            return EccCurve.P384;
        }
        return null;
    }

    private static ECNamedDomainParameters Create(DerObjectIdentifier oid) =>
        new(oid, SecNamedCurves.GetByOid(oid));
}
