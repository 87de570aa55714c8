using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Pkcs;

namespace Cosem.Sdk.Security;

/// <summary>PKCS#10 certification requests for Security setup generate_certificate_request (IEC 62056-5-3 §9.2.6).</summary>
public static class CosemCertificateRequest
{
    /// <summary>
    /// A DER PKCS#10 request for <paramref name="key"/>'s public key, signed with it (ECDSA with SHA-256 for
    /// P-256, SHA-384 for P-384). <paramref name="subject"/> is an X.500 name such as "CN=4D4D4D0000BC614E".
    /// </summary>
    public static byte[] Create(EccKeyPair key, string subject)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        X509Name name;
        try
        {
            name = new X509Name(subject);
        }
        catch (ArgumentException ex)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput, $"\"{subject}\" is not an X.500 name.", ex);
        }
        var algorithm = key.Curve == EccCurve.P256 ? "SHA256WITHECDSA" : "SHA384WITHECDSA";
        var request = new Pkcs10CertificationRequest(new Asn1SignatureFactory(algorithm, key.PrivateKey), name,
            key.PublicKey.Parameters, new DerSet()); // attributes [0] is mandatory, even empty (RFC 2986 §4.1)
        return request.GetDerEncoded();
    }

    /// <summary>The public key of a DER PKCS#10 request, after checking the request's self-signature.</summary>
    public static EccPublicKey ReadPublicKey(ReadOnlySpan<byte> der)
    {
        Pkcs10CertificationRequest request;
        try
        {
            request = new Pkcs10CertificationRequest(der.ToArray());
        }
        catch (Exception ex)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput, "The bytes are not a PKCS#10 request.", ex);
        }
        if (!request.Verify())
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSignature, "The PKCS#10 request's signature does not verify.");
        }
        return request.GetPublicKey() is Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters ec
            ? EccPublicKey.FromBouncyCastle(ec)
            : throw new CosemSecurityException(SecurityFailure.InvalidPublicKey, "The PKCS#10 request's key is not an elliptic-curve key.");
    }
}
