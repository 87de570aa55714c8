using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cosem.Sdk.Security;
using static Cosem.Sdk.Tests.Security.GcmReference;

namespace Cosem.Sdk.Tests.Security;

/// <summary>ECDSA, ECDH, the concatenation KDF, RFC 3394 key wrap and certificates, cross-checked with the BCL.</summary>
public class PublicKeyCryptographyTests
{
    private static readonly byte[] Message = "general-signing content"u8.ToArray();

    private static HashAlgorithmName Hash(EccCurve curve) => curve == EccCurve.P256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;

    private static ECCurve BclCurve(EccCurve curve) => curve == EccCurve.P256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384;

    [Theory]
    [InlineData(EccCurve.P256)]
    [InlineData(EccCurve.P384)]
    public void Ecdsa_signatures_interoperate_with_the_bcl(EccCurve curve)
    {
        var pair = EccKeyPair.Generate(curve);
        var signature = EcdsaSignature.Sign(pair, Message);
        Assert.True(EcdsaSignature.Verify(pair.PublicKey, Message, signature));
        using var bclPublic = HlsAuthenticationTests.ToBcl(pair.PublicKey);
        Assert.True(bclPublic.VerifyData(Message, signature, Hash(curve)));

        // The other way: the BCL signs (IEEE P1363 r ‖ s), we verify.
        using var bcl = ECDsa.Create(BclCurve(curve));
        var bclSignature = bcl.SignData(Message, Hash(curve));
        var parameters = bcl.ExportParameters(false);
        var publicKey = EccPublicKey.FromRaw(curve, Concat(parameters.Q.X!, parameters.Q.Y!));
        Assert.True(EcdsaSignature.Verify(publicKey, Message, bclSignature));

        var tampered = (byte[])Message.Clone();
        tampered[0] ^= 1;
        Assert.False(EcdsaSignature.Verify(pair.PublicKey, tampered, signature));
        Assert.False(EcdsaSignature.Verify(pair.PublicKey, Message, signature[..^1]));
        Assert.Equal(SecurityFailure.InvalidSignature,
            Assert.Throws<CosemSecurityException>(() => EcdsaSignature.EnsureValid(pair.PublicKey, tampered, signature)).Failure);
    }

    [Theory]
    [InlineData(EccCurve.P256)]
    [InlineData(EccCurve.P384)]
    public void Key_pairs_round_trip_through_raw_pkcs8_and_spki(EccCurve curve)
    {
        var pair = EccKeyPair.Generate(curve);
        var again = EccKeyPair.FromPrivateKey(curve, pair.ExportPrivateKey());
        Assert.Equal(pair.PublicKey, again.PublicKey);
        Assert.Equal(pair.PublicKey, EccKeyPair.FromPkcs8(pair.ExportPkcs8()).PublicKey);
        Assert.Equal(pair.PublicKey, EccPublicKey.FromRaw(curve, pair.PublicKey.ToRaw()));
        Assert.Equal(pair.PublicKey, EccPublicKey.FromSubjectPublicKeyInfo(pair.PublicKey.ToSubjectPublicKeyInfo()));
        // The BCL reads our PKCS#8 too.
        using var bcl = ECDsa.Create();
        bcl.ImportPkcs8PrivateKey(pair.ExportPkcs8(), out _);
        Assert.Equal(pair.PublicKey.ToRaw(), Concat(bcl.ExportParameters(false).Q.X!, bcl.ExportParameters(false).Q.Y!));
    }

    [Fact]
    public void Invalid_public_keys_and_private_keys_are_rejected()
    {
        var notOnCurve = new byte[64];
        notOnCurve[63] = 1;
        Assert.Equal(SecurityFailure.InvalidPublicKey,
            Assert.Throws<CosemSecurityException>(() => EccPublicKey.FromRaw(EccCurve.P256, notOnCurve)).Failure);
        Assert.Throws<CosemSecurityException>(() => EccPublicKey.FromRaw(EccCurve.P384, new byte[64]));
        Assert.Throws<CosemSecurityException>(() => EccPublicKey.FromSubjectPublicKeyInfo([0x30, 0x03, 0x02, 0x01, 0x00]));
        Assert.Throws<CosemSecurityException>(() => EccKeyPair.FromPrivateKey(EccCurve.P256, new byte[32]));
        Assert.Throws<CosemSecurityException>(() => EccKeyPair.FromPrivateKey(EccCurve.P256, new byte[31]));
        Assert.Throws<CosemSecurityException>(() => EccKeyPair.FromPkcs8([1, 2, 3]));
    }

    [Theory]
    [InlineData(EccCurve.P256)]
    [InlineData(EccCurve.P384)]
    public void Ecdh_shared_secret_matches_the_bcl(EccCurve curve)
    {
        var ours = EccKeyPair.Generate(curve);
        using var theirs = ECDiffieHellman.Create(BclCurve(curve));
        var q = theirs.ExportParameters(false).Q;
        var z = EcdhKeyAgreement.ComputeSharedSecret(ours, EccPublicKey.FromRaw(curve, Concat(q.X!, q.Y!)));

        using var oursInBcl = ECDiffieHellman.Create();
        oursInBcl.ImportPkcs8PrivateKey(ours.ExportPkcs8(), out _);
        var expected = theirs.DeriveRawSecretAgreement(oursInBcl.PublicKey);
        Assert.Equal(curve.CoordinateLength(), z.Length);
        Assert.Equal(expected, z);
    }

    [Theory]
    [InlineData(SecuritySuite.Suite1, KeyAgreementAlgorithm.AesGcm128)]
    [InlineData(SecuritySuite.Suite2, KeyAgreementAlgorithm.AesGcm256)]
    public void Ephemeral_static_agreement_gives_both_parties_the_same_key(SecuritySuite suite, KeyAgreementAlgorithm algorithm)
    {
        var recipient = EccKeyPair.Generate(suite.Curve());
        var u = Hex("4D4D4D0000000001");
        var v = Hex("4D4D4D0000BC614E");
        var (ephemeral, senderKey) = EcdhKeyAgreement.InitiateEphemeralStatic(suite, recipient.PublicKey, algorithm, u, v);
        var recipientKey = EcdhKeyAgreement.CompleteEphemeralStatic(suite, recipient, ephemeral, algorithm, u, v);
        Assert.Equal(KeyDerivation.KeyLength(algorithm), senderKey.Length);
        Assert.Equal(senderKey, recipientKey);
        // Different party info gives a different key.
        Assert.NotEqual(senderKey, EcdhKeyAgreement.CompleteEphemeralStatic(suite, recipient, ephemeral, algorithm, v, u));
    }

    [Theory]
    [InlineData(SecuritySuite.Suite1)]
    [InlineData(SecuritySuite.Suite2)]
    public void Static_static_agreement_gives_both_parties_the_same_key(SecuritySuite suite)
    {
        var client = EccKeyPair.Generate(suite.Curve());
        var server = EccKeyPair.Generate(suite.Curve());
        var u = Hex("4D4D4D0000000001" + "0102030405060708"); // system title ‖ transaction id
        var v = Hex("4D4D4D0000BC614E");
        var clientKey = EcdhKeyAgreement.DeriveStaticStatic(suite, client, server.PublicKey, KeyAgreementAlgorithm.AesWrap128, u, v);
        var serverKey = EcdhKeyAgreement.DeriveStaticStatic(suite, server, client.PublicKey, KeyAgreementAlgorithm.AesWrap128, u, v);
        Assert.Equal(clientKey, serverKey);
        Assert.Throws<CosemSecurityException>(() =>
            EcdhKeyAgreement.DeriveStaticStatic(SecuritySuite.Suite0, client, server.PublicKey, KeyAgreementAlgorithm.AesGcm128, u, v));
        Assert.Throws<CosemSecurityException>(() =>
            EcdhKeyAgreement.ComputeSharedSecret(client, EccKeyPair.Generate(client.Curve == EccCurve.P256 ? EccCurve.P384 : EccCurve.P256).PublicKey));
    }

    [Fact]
    public void Concatenation_kdf_matches_sp_800_56a_computed_by_hand()
    {
        // Second path: SP 800-56A §5.8.1 single-step KDF written out with the BCL's SHA-256/384:
        // K = H(00000001 ‖ Z ‖ OtherInfo) ‖ H(00000002 ‖ Z ‖ OtherInfo) …, truncated.
        var z = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var otherInfo = KeyDerivation.OtherInfo(KeyAgreementAlgorithm.AesGcm128, Hex("4D4D4D0000000001"), Hex("4D4D4D0000BC614E"));
        Assert.Equal("608574050803004D4D4D00000000014D4D4D0000BC614E", Convert.ToHexString(otherInfo));
        var expected = SHA256.HashData(Concat([0, 0, 0, 1], z, otherInfo))[..16];
        Assert.Equal(expected, KeyDerivation.Derive(SecuritySuite.Suite1, z, otherInfo, 16));

        var expected384 = Concat(SHA384.HashData(Concat([0, 0, 0, 1], z, otherInfo)), SHA384.HashData(Concat([0, 0, 0, 2], z, otherInfo)))[..64];
        Assert.Equal(expected384, KeyDerivation.Derive(SecuritySuite.Suite2, z, otherInfo, 64));
        Assert.Equal("60857405080303", Convert.ToHexString(KeyDerivation.AlgorithmId(KeyAgreementAlgorithm.AesWrap256)));
    }

    [Fact]
    public void Key_wrap_reproduces_rfc_3394_section_4_1()
    {
        // RFC 3394 §4.1: wrap 128 bits of key data with a 128-bit KEK.
        var kek = Hex("000102030405060708090A0B0C0D0E0F");
        var keyData = Hex("00112233445566778899AABBCCDDEEFF");
        var wrapped = AesKeyWrap.Wrap(kek, keyData);
        Assert.Equal("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5", Convert.ToHexString(wrapped));
        Assert.Equal(keyData, AesKeyWrap.Unwrap(kek, wrapped));
    }

    [Fact]
    public void Key_wrap_reproduces_rfc_3394_section_4_6()
    {
        // RFC 3394 §4.6: wrap 256 bits of key data with a 256-bit KEK (suite 2 global_key_transfer).
        var kek = Hex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
        var keyData = Hex("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
        var wrapped = AesKeyWrap.Wrap(kek, keyData);
        Assert.Equal("28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21", Convert.ToHexString(wrapped));
        Assert.Equal(keyData, AesKeyWrap.Unwrap(kek, wrapped));
    }

    [Fact]
    public void Key_unwrap_rejects_a_wrong_kek_tampering_and_bad_lengths()
    {
        var wrapped = Hex("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5");
        var wrongKek = Hex("000102030405060708090A0B0C0D0E0E");
        Assert.Equal(SecurityFailure.KeyUnwrapFailed, Assert.Throws<CosemSecurityException>(() => AesKeyWrap.Unwrap(wrongKek, wrapped)).Failure);
        wrapped[10] ^= 1;
        Assert.Throws<CosemSecurityException>(() => AesKeyWrap.Unwrap(Hex("000102030405060708090A0B0C0D0E0F"), wrapped));
        Assert.Throws<CosemSecurityException>(() => AesKeyWrap.Unwrap(new byte[16], new byte[20]));
        Assert.Throws<CosemSecurityException>(() => AesKeyWrap.Wrap(new byte[15], new byte[16]));
        Assert.Throws<CosemSecurityException>(() => AesKeyWrap.Wrap(new byte[16], new byte[12]));
    }

    [Theory]
    [InlineData(EccCurve.P256)]
    [InlineData(EccCurve.P384)]
    public void Certificates_made_by_the_bcl_parse_with_their_public_key(EccCurve curve)
    {
        using var key = ECDsa.Create(BclCurve(curve));
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=4D4D4D0000BC614E, O=Cosem.Sdk", key, Hash(curve));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var parsed = CosemCertificate.Parse(certificate.RawData);
        var q = key.ExportParameters(false).Q;
        Assert.Equal(Concat(q.X!, q.Y!), parsed.PublicKey.ToRaw());
        Assert.Equal(curve, parsed.PublicKey.Curve);
        Assert.Contains("CN=4D4D4D0000BC614E", parsed.Subject, StringComparison.Ordinal);
        Assert.True(parsed.IsSignedBy(parsed.PublicKey));
        Assert.False(parsed.IsSignedBy(EccKeyPair.Generate(curve).PublicKey));
        Assert.True(parsed.IsValidAt(DateTime.UtcNow));
        Assert.Equal(certificate.RawData, parsed.GetEncoded());

        var pem = System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem());
        Assert.Equal(parsed.PublicKey, CosemCertificate.Parse(pem).PublicKey);
    }

    [Fact]
    public void Garbage_and_non_ecc_certificates_are_rejected()
    {
        Assert.Equal(SecurityFailure.InvalidCertificate, Assert.Throws<CosemSecurityException>(() => CosemCertificate.Parse([0x30, 0x82, 0x01])).Failure);
        Assert.Throws<CosemSecurityException>(() => CosemCertificate.Parse([]));
        using var rsa = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=rsa", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(SecurityFailure.InvalidCertificate, Assert.Throws<CosemSecurityException>(() => CosemCertificate.Parse(certificate.RawData)).Failure);
    }

    [Theory]
    [InlineData(EccCurve.P256)]
    [InlineData(EccCurve.P384)]
    public void Pkcs10_requests_are_signed_and_readable_by_the_bcl(EccCurve curve)
    {
        var pair = EccKeyPair.Generate(curve);
        var der = CosemCertificateRequest.Create(pair, "CN=4D4D4D0000BC614E");
        Assert.Equal(pair.PublicKey, CosemCertificateRequest.ReadPublicKey(der));
        var loaded = System.Security.Cryptography.X509Certificates.CertificateRequest.LoadSigningRequest(
            der, Hash(curve), CertificateRequestLoadOptions.Default);
        Assert.Equal("CN=4D4D4D0000BC614E", loaded.SubjectName.Name);
        der[^5] ^= 1;
        Assert.Throws<CosemSecurityException>(() => CosemCertificateRequest.ReadPublicKey(der));
    }
}
