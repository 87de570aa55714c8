using Org.BouncyCastle.X509;

namespace Cosem.Sdk.Security;

/// <summary>
/// What a certificate is for, read from its X.509 v3 extensions (Green Book §9.2.6 "Certificate and
/// certificate extension profile"): a CA (basic constraints), a digital signature key, a key agreement key or a
/// TLS key (both usages), and its subject alternative name.
/// </summary>
public sealed record CertificateUsage(bool IsCertificationAuthority, bool DigitalSignature, bool KeyAgreement, string SubjectAlternativeName)
{
    /// <summary>Reads the extensions of a DER or PEM certificate; <see cref="CosemSecurityException"/> when it does not parse.</summary>
    public static CertificateUsage Read(ReadOnlySpan<byte> derOrPem)
    {
        X509Certificate? certificate;
        try
        {
            certificate = new X509CertificateParser().ReadCertificate(derOrPem.ToArray());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidCertificate, "The bytes are not an X.509 certificate.", ex);
        }
        if (certificate is null)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidCertificate, "The bytes hold no X.509 certificate.");
        }
        var usage = certificate.GetKeyUsage(); // null when the extension is absent: any usage
        var names = certificate.GetSubjectAlternativeNames();
        var alternative = names is null ? "" : string.Join(", ", names.Select(n => n.Count > 1 ? n[1]?.ToString() : null).Where(n => n is not null));
        return new CertificateUsage(
            certificate.GetBasicConstraints() >= 0,
            usage is null || usage[0],
            usage is null || usage[4],
            alternative);
    }

    /// <summary>The X.500 name of the subject's common name, e.g. the system title in hex, or null.</summary>
    public static string? CommonName(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        foreach (var part in subject.Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[3..];
            }
        }
        return null;
    }
}
