using System.Security.Cryptography;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using SessionPolicy = Cosem.Sdk.Security.SecurityPolicy;

namespace Cosem.Sdk.Objects;

// Certificates and key pairs of Security setup (Blue Book §4.4.7, methods 4-8): generate_key_pair,
// generate_certificate_request, import_certificate, export_certificate and remove_certificate.
public partial class SecuritySetupServer
{
    /// <summary>Files a certificate as import_certificate does (e.g. the server's own or a CA certificate at start-up).</summary>
    public StoredCertificate ImportCertificate(ReadOnlySpan<byte> derOrPem, SystemTitle? clientSystemTitle = null)
    {
        var certificate = CosemCertificate.Parse(derOrPem);
        var usage = CertificateUsage.Read(derOrPem);
        var commonName = CertificateUsage.CommonName(certificate.Subject);
        var entity = usage.IsCertificationAuthority ? CertificateEntity.CertificationAuthority
            : Is(commonName, Security.SystemTitle) ? CertificateEntity.Server
            : clientSystemTitle is { } client && !Is(commonName, client) && IsSystemTitle(commonName) ? CertificateEntity.Other
            : CertificateEntity.Client;
        var type = usage.DigitalSignature && usage.KeyAgreement ? CertificateType.Tls
            : usage.KeyAgreement ? CertificateType.KeyAgreement
            : usage.DigitalSignature ? CertificateType.DigitalSignature
            : CertificateType.Other;
        var stored = new StoredCertificate(entity, type, certificate, usage);
        lock (_lock)
        {
            _certificates.RemoveAll(c => c.Entity == entity && c.Type == type && c.CommonName == stored.CommonName);
            _certificates.Add(stored);
        }
        return stored;
    }

    /// <summary>generate_key_pair (method 4): a new key pair on the suite's curve; in use after the response.</summary>
    protected override ValueTask GenerateKeyPairAsync(KeyPairType parameter, RequestContext context, CancellationToken cancellationToken)
    {
        if (Security.Suite == SecuritySuite.Suite0)
        {
            return Fail("Key pairs need security suite 1 or 2.");
        }
        if (parameter > KeyPairType.Tls)
        {
            return Fail($"key_pair_type {(byte)parameter} is not defined.");
        }
        var pair = EccKeyPair.Generate(Security.Suite.Curve());
        return AfterResponse(context, () =>
        {
            switch (parameter)
            {
                case KeyPairType.DigitalSignature:
                    Security.SigningKey = pair;
                    break;
                case KeyPairType.KeyAgreement:
                    KeyAgreementKey = pair;
                    break;
                default:
                    TlsKey = pair;
                    break;
            }
        });
    }

    /// <summary>generate_certificate_request (method 5): a PKCS #10 request, subject CN = the server system title.</summary>
    protected override ValueTask<ReadOnlyMemory<byte>> GenerateCertificateRequestAsync(KeyPairType parameter, RequestContext context, CancellationToken cancellationToken)
    {
        var key = parameter switch
        {
            KeyPairType.DigitalSignature => Security.SigningKey,
            KeyPairType.KeyAgreement => KeyAgreementKey,
            KeyPairType.Tls => TlsKey,
            _ => null,
        };
        if (key is null)
        {
            return Fail<ReadOnlyMemory<byte>>($"There is no {parameter} key pair; generate it first.");
        }
        return new(CosemCertificateRequest.Create(key, "CN=" + Security.SystemTitle));
    }

    /// <summary>import_certificate (method 6): an X.509 v3 certificate (DER) with a P-256 or P-384 key.</summary>
    protected override ValueTask ImportCertificateAsync(ReadOnlyMemory<byte> parameter, RequestContext context, CancellationToken cancellationToken)
    {
        try
        {
            ImportCertificate(parameter.Span, (context as ServerRequestContext)?.ClientSystemTitle);
            return default;
        }
        catch (CosemSecurityException ex)
        {
            return Fail($"The certificate is refused: {ex.Message}");
        }
    }

    /// <summary>export_certificate (method 7): the DER certificate named by entity or by serial number and issuer.</summary>
    protected override ValueTask<ReadOnlyMemory<byte>> ExportCertificateAsync(CertificateIdentification parameter, RequestContext context, CancellationToken cancellationToken)
    {
        var found = Find(parameter);
        return found is null ? Fail<ReadOnlyMemory<byte>>("No certificate matches the identification.") : new(found.Certificate.GetEncoded());
    }

    /// <summary>remove_certificate (method 8).</summary>
    protected override ValueTask RemoveCertificateAsync(CertificateIdentification parameter, RequestContext context, CancellationToken cancellationToken)
    {
        var found = Find(parameter);
        if (found is null)
        {
            return Fail("No certificate matches the identification.");
        }
        lock (_lock)
        {
            _certificates.Remove(found);
        }
        return default;
    }

    private StoredCertificate? Find(CertificateIdentification identification)
    {
        var options = identification.CertificateIdentificationOptions;
        lock (_lock)
        {
            switch (identification.CertificateIdentificationType)
            {
                case CertificateIdentificationType.ByEntity
                    when options.Type == DataType.Structure && options.Count == 3 && options[0].Type == DataType.Enum &&
                         options[1].Type == DataType.Enum && options[2].Type == DataType.OctetString:
                    var entity = (CertificateEntity)options[0].AsUInt64();
                    var type = (CertificateType)options[1].AsUInt64();
                    var title = options[2].AsBytes();
                    return _certificates.Find(c => c.Matches(entity, type, title.Span));
                case CertificateIdentificationType.BySerial
                    when options.Type == DataType.Structure && options.Count == 2 && options[0].Type == DataType.OctetString &&
                         options[1].Type == DataType.OctetString:
                    var serial = options[0].AsBytes();
                    var issuer = options[1].AsBytes();
                    return _certificates.Find(c => c.Matches(serial.Span, issuer.Span));
                default:
                    throw new CosemServiceException(ActionResult.TypeUnmatched,
                        "certificate_identification is by_entity {entity, type, system_title} or by_serial {serial_number, issuer}.");
            }
        }
    }

    private static bool Is(string? commonName, SystemTitle title) =>
        string.Equals(commonName, title.ToString(), StringComparison.OrdinalIgnoreCase);

    private static bool IsSystemTitle(string? commonName) =>
        commonName is { Length: 2 * SystemTitle.Length } && commonName.All(char.IsAsciiHexDigit);
}
