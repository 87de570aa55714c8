using Cosem.Sdk.Security;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>Issues X.509 v3 certificates for tests with BouncyCastle, as a CA of the DLMS PKI would.</summary>
internal static class TestCertificates
{
    private static long s_serial = 0x1000;

    public static byte[] Issue(string subjectCn, EccPublicKey subjectKey, EccKeyPair issuerKey, string issuerCn, bool authority = false,
        int keyUsage = KeyUsage.DigitalSignature)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.ValueOf(Interlocked.Increment(ref s_serial)));
        generator.SetIssuerDN(new X509Name("CN=" + issuerCn));
        generator.SetSubjectDN(new X509Name("CN=" + subjectCn));
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddYears(1));
        generator.SetPublicKey(subjectKey.Parameters);
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(authority ? KeyUsage.KeyCertSign : keyUsage));
        if (authority)
        {
            generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        }
        var algorithm = issuerKey.Curve == EccCurve.P256 ? "SHA256WITHECDSA" : "SHA384WITHECDSA";
        return generator.Generate(new Asn1SignatureFactory(algorithm, issuerKey.PrivateKey)).GetEncoded();
    }
}
