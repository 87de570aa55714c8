using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Cosem.Sdk.Security;

/// <summary>
/// An X.509 certificate as Security setup import_certificate/export_certificate carry it (IEC 62056-5-3 §9.2.6,
/// Green Book "Certificates"): parsed with BouncyCastle; exposes the P-256/P-384 subject public key.
/// </summary>
public sealed class CosemCertificate
{
    private readonly X509Certificate _certificate;

    private CosemCertificate(X509Certificate certificate, EccPublicKey publicKey)
    {
        _certificate = certificate;
        PublicKey = publicKey;
    }

    /// <summary>Parses a DER or PEM certificate; throws <see cref="CosemSecurityException"/> when it does not parse or its key is not P-256/P-384.</summary>
    public static CosemCertificate Parse(ReadOnlySpan<byte> derOrPem)
    {
        X509Certificate? certificate;
        try
        {
            certificate = new X509CertificateParser().ReadCertificate(derOrPem.ToArray());
        }
        catch (Exception ex) when (ex is CertificateException or IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidCertificate, "The bytes are not an X.509 certificate.", ex);
        }
        if (certificate is null)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidCertificate, "The bytes hold no X.509 certificate.");
        }
        if (certificate.GetPublicKey() is not ECPublicKeyParameters ec)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidCertificate, "The certificate's key is not an elliptic-curve key.");
        }
        EccPublicKey key;
        try
        {
            key = EccPublicKey.FromBouncyCastle(ec);
        }
        catch (CosemSecurityException ex)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidCertificate, "The certificate's key is not on P-256 or P-384.", ex);
        }
        return new CosemCertificate(certificate, key);
    }

    /// <summary>The subject's P-256 or P-384 public key: a signing key (ECDSA) or key agreement key (ECDH), by
    /// certificate role.</summary>
    public EccPublicKey PublicKey { get; }

    /// <summary>The subject distinguished name, as BouncyCastle formats it (e.g. "CN=4D4D4D0000BC614E"; DLMS puts the
    /// system title in CN).</summary>
    public string Subject => _certificate.SubjectDN.ToString();

    /// <summary>The issuer distinguished name, as BouncyCastle formats it.</summary>
    public string Issuer => _certificate.IssuerDN.ToString();

    /// <summary>Serial number, big-endian unsigned bytes.</summary>
    public byte[] SerialNumber => _certificate.SerialNumber.ToByteArrayUnsigned();

    /// <summary>Start of the validity period (UTC).</summary>
    public DateTime NotBefore => _certificate.NotBefore;

    /// <summary>End of the validity period (UTC).</summary>
    public DateTime NotAfter => _certificate.NotAfter;

    /// <summary>The DER encoding.</summary>
    public byte[] GetEncoded() => _certificate.GetEncoded();

    /// <summary>Whether <paramref name="issuerKey"/> signed this certificate.</summary>
    public bool IsSignedBy(EccPublicKey issuerKey)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        try
        {
            _certificate.Verify(issuerKey.Parameters);
            return true;
        }
        catch (Exception ex) when (ex is InvalidKeyException or SignatureException or CertificateException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether the certificate is valid at <paramref name="time"/> (UTC).</summary>
    public bool IsValidAt(DateTime time) => _certificate.IsValid(time);

    /// <inheritdoc/>
    public override string ToString() => $"Certificate(subject {Subject}, issuer {Issuer}, {PublicKey.Curve}, valid {NotBefore:u} to {NotAfter:u})";
}
