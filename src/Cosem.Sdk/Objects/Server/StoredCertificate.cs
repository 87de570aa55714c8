using System.Text;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Objects;

/// <summary>One certificate a <see cref="SecuritySetupServer"/> holds, with the entity and usage it was filed under.</summary>
public sealed record StoredCertificate(CertificateEntity Entity, CertificateType Type, CosemCertificate Certificate, CertificateUsage Usage)
{
    /// <summary>The subject's common name, by DLMS convention the owner's system title in hex.</summary>
    public string? CommonName => CertificateUsage.CommonName(Certificate.Subject);

    /// <summary>The certificate_info entry of attribute 6 (Blue Book §4.4.7): names as their X.500 text in UTF-8.</summary>
    public CertificateInfo ToInfo() => new(Entity, Type, Certificate.SerialNumber,
        Encoding.UTF8.GetBytes(Certificate.Issuer), Encoding.UTF8.GetBytes(Certificate.Subject), Encoding.UTF8.GetBytes(Usage.SubjectAlternativeName));

    /// <summary>Whether this is the certificate by_entity identification names (the system title is the subject CN).</summary>
    public bool Matches(CertificateEntity entity, CertificateType type, ReadOnlySpan<byte> systemTitle) =>
        Entity == entity && Type == type && string.Equals(CommonName, Convert.ToHexString(systemTitle), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is the certificate by_serial identification names.</summary>
    public bool Matches(ReadOnlySpan<byte> serialNumber, ReadOnlySpan<byte> issuer) =>
        TrimLeadingZeros(Certificate.SerialNumber).SequenceEqual(TrimLeadingZeros(serialNumber)) &&
        Encoding.UTF8.GetBytes(Certificate.Issuer).AsSpan().SequenceEqual(issuer);

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }
        return value[start..];
    }
}
