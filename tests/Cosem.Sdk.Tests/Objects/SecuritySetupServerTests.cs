using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using static Cosem.Sdk.Tests.Security.GcmReference;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>The Security setup server object driven through its client proxy over the in-process LoopbackSession.</summary>
public class SecuritySetupServerTests
{
    private static readonly SystemTitle ServerTitle = SystemTitle.Parse("4D4D4D0000000001");
    private static readonly SystemTitle ClientTitle = SystemTitle.Parse("4D4D4D0000BC614E");
    private static readonly byte[] MasterKey = Hex("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] Guek = Hex("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] Ak = Hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");

    private static (SecuritySetupServer Server, SecuritySetup.Proxy Proxy) Create(SecuritySuite suite = SecuritySuite.Suite0,
        SecurityPolicy policy = SecurityPolicy.AuthenticatedEncrypted)
    {
        var length = suite.KeyLength();
        var keys = new CipheringKeys(suite, Guek.Take(16).Concat(Guek).Take(length).ToArray(), Ak.Concat(Ak).Take(length).ToArray());
        var security = new AssociationSecurity(ServerTitle, keys, policy);
        var server = new SecuritySetupServer(SecuritySetupServer.DefaultLogicalName, security, MasterKey.Concat(MasterKey).Take(length).ToArray())
        {
            ClientSystemTitle = ClientTitle.ToArray(),
        };
        var session = new LoopbackSession([server]);
        return (server, new SecuritySetup.Proxy(session, server.LogicalName));
    }

    [Fact]
    public async Task Attributes_are_served_from_the_security_state()
    {
        var (server, proxy) = Create(SecuritySuite.Suite1, SecurityPolicy.Authenticated);
        Assert.Equal(SecurityPolicyFlags.AuthenticatedRequest | SecurityPolicyFlags.AuthenticatedResponse, await proxy.GetSecurityPolicyAsync());
        Assert.Equal(SecuritySuite.Suite1, await proxy.GetSecuritySuiteAsync());
        Assert.Equal(ServerTitle.ToArray(), (await proxy.GetServerSystemTitleAsync()).ToArray());
        Assert.Equal(ClientTitle.ToArray(), (await proxy.GetClientSystemTitleAsync()).ToArray());
        Assert.Empty(await proxy.GetCertificatesAsync());
        var denied = await Assert.ThrowsAsync<CosemServiceException>(() => proxy.SetSecurityPolicyAsync(SecurityPolicyFlags.None).AsTask());
        Assert.Equal(DataAccessResult.ReadWriteDenied, denied.DataAccessResult);
        Assert.Equal(SecurityPolicy.Authenticated, server.Security.Policy);
    }

    [Fact]
    public async Task Key_transfer_unwraps_with_the_master_key_and_applies_the_keys()
    {
        var (server, proxy) = Create();
        var newGuek = Hex("00112233445566778899AABBCCDDEEFF");
        var newAk = Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF");
        var newKek = Hex("0F0E0D0C0B0A09080706050403020100");
        await proxy.TransferKeysAsync(MasterKey, [
            new(SecurityKeyId.GlobalUnicastEncryptionKey, newGuek),
            new(SecurityKeyId.AuthenticationKey, newAk),
            new(SecurityKeyId.MasterKey, newKek)]);
        Assert.Equal(newGuek, server.Security.Keys!.GlobalUnicastKey.ToArray());
        Assert.Equal(newAk, server.Security.Keys.AuthenticationKey.ToArray());

        // The new master key wraps the next transfer; the old one no longer does.
        await proxy.TransferKeyAsync(newKek, SecurityKeyId.GlobalBroadcastEncryptionKey, Guek);
        Assert.Equal(Guek, server.Security.Keys.GlobalBroadcastKey.ToArray());
        var refused = await Assert.ThrowsAsync<CosemServiceException>(() =>
            proxy.TransferKeyAsync(MasterKey, SecurityKeyId.GlobalUnicastEncryptionKey, Guek).AsTask());
        Assert.Equal(ActionResult.OtherReason, refused.ActionResult);
    }

    [Fact]
    public async Task A_key_that_does_not_unwrap_fails_the_call_and_changes_nothing()
    {
        var (server, proxy) = Create();
        var before = server.Security.Keys;
        var good = new KeyTransferItem(SecurityKeyId.AuthenticationKey, AesKeyWrap.Wrap(MasterKey, Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF")));
        var tampered = AesKeyWrap.Wrap(MasterKey, Hex("00112233445566778899AABBCCDDEEFF"));
        tampered[5] ^= 0x40;
        var bad = new KeyTransferItem(SecurityKeyId.GlobalUnicastEncryptionKey, tampered);
        var error = await Assert.ThrowsAsync<CosemServiceException>(() => proxy.KeyTransferAsync([good, bad]).AsTask());
        Assert.Equal(ActionResult.OtherReason, error.ActionResult);
        Assert.Same(before, server.Security.Keys);

        // Wrong length, repeated ids and an empty list are refused the same way.
        var shortKey = new KeyTransferItem(SecurityKeyId.AuthenticationKey, AesKeyWrap.Wrap(MasterKey, new byte[24]));
        foreach (var items in new KeyTransferItem[][] { [shortKey], [good, good], [] })
        {
            Assert.Equal(ActionResult.OtherReason,
                (await Assert.ThrowsAsync<CosemServiceException>(() => proxy.KeyTransferAsync(items).AsTask())).ActionResult);
        }
        Assert.Same(before, server.Security.Keys);
    }

    [Fact]
    public async Task Security_policy_may_only_be_strengthened()
    {
        var (server, proxy) = Create(policy: SecurityPolicy.Authenticated);
        var authenticated = SecurityPolicyFlags.AuthenticatedRequest | SecurityPolicyFlags.AuthenticatedResponse;
        var all = authenticated | SecurityPolicyFlags.EncryptedRequest | SecurityPolicyFlags.EncryptedResponse;
        await proxy.ActivateSecurityPolicyAsync(all);
        Assert.Equal(all, await proxy.GetSecurityPolicyAsync());
        Assert.Equal(SecurityPolicy.AuthenticatedEncrypted, server.Security.Policy);

        foreach (var weaker in new[] { authenticated, SecurityPolicyFlags.None, SecurityPolicyFlags.EncryptedRequest })
        {
            var error = await Assert.ThrowsAsync<CosemServiceException>(() => proxy.ActivateSecurityPolicyAsync(weaker).AsTask());
            Assert.Equal(ActionResult.OtherReason, error.ActionResult);
        }
        await Assert.ThrowsAsync<CosemServiceException>(() => proxy.ActivateSecurityPolicyAsync(all | SecurityPolicyFlags.DigitallySignedRequest).AsTask());
        await Assert.ThrowsAsync<CosemServiceException>(() => proxy.ActivateSecurityPolicyAsync(all | (SecurityPolicyFlags)1).AsTask());
        await proxy.ActivateSecurityPolicyAsync(all); // the same policy again is no weakening
        Assert.Equal(SecurityPolicy.AuthenticatedEncrypted, server.Security.Policy);
    }

    [Fact]
    public async Task Certificates_import_export_and_remove_round_trip()
    {
        var (server, proxy) = Create(SecuritySuite.Suite1);
        var ca = EccKeyPair.Generate(EccCurve.P256);
        var client = EccKeyPair.Generate(EccCurve.P256);
        var caDer = TestCertificates.Issue("Test Root CA", ca.PublicKey, ca, "Test Root CA", authority: true);
        var clientDer = TestCertificates.Issue(ClientTitle.ToString(), client.PublicKey, ca, "Test Root CA");
        await proxy.ImportCertificateAsync(CosemCertificate.Parse(caDer));
        await proxy.ImportCertificateAsync(clientDer);

        var listed = await proxy.GetCertificatesAsync();
        Assert.Equal(2, listed.Count);
        var clientInfo = Assert.Single(listed, c => c.CertificateEntity == CertificateEntity.Client);
        Assert.Equal(CertificateType.DigitalSignature, clientInfo.CertificateType);
        Assert.Equal("CN=" + ClientTitle, System.Text.Encoding.UTF8.GetString(clientInfo.Subject.Span));
        Assert.Contains(listed, c => c.CertificateEntity == CertificateEntity.CertificationAuthority);

        var byEntity = await proxy.ExportCertificateAsync(CertificateEntity.Client, CertificateType.DigitalSignature, ClientTitle);
        Assert.Equal(clientDer, byEntity.GetEncoded());
        Assert.True(byEntity.IsSignedBy(ca.PublicKey));
        var bySerial = await proxy.ExportCertificateAsync(clientInfo.SerialNumber, clientInfo.Issuer);
        Assert.Equal(clientDer, bySerial.GetEncoded());

        await proxy.RemoveCertificateAsync(CertificateEntity.Client, CertificateType.DigitalSignature, ClientTitle);
        Assert.Single(server.StoredCertificates);
        Assert.Equal(ActionResult.OtherReason, (await Assert.ThrowsAsync<CosemServiceException>(() =>
            proxy.ExportCertificateAsync(CertificateEntity.Client, CertificateType.DigitalSignature, ClientTitle).AsTask())).ActionResult);
        Assert.Equal(ActionResult.OtherReason, (await Assert.ThrowsAsync<CosemServiceException>(() =>
            proxy.ImportCertificateAsync(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 }).AsTask())).ActionResult);
        Assert.Equal(ActionResult.TypeUnmatched, (await Assert.ThrowsAsync<CosemServiceException>(() =>
            proxy.ExportCertificateAsync(new CertificateIdentification(CertificateIdentificationType.ByEntity, Cosem.Sdk.Axdr.CosemData.Null)).AsTask())).ActionResult);
    }

    [Theory]
    [InlineData(SecuritySuite.Suite1)]
    [InlineData(SecuritySuite.Suite2)]
    public async Task Generated_key_pairs_back_certificate_requests(SecuritySuite suite)
    {
        var (server, proxy) = Create(suite);
        await proxy.GenerateKeyPairAsync(KeyPairType.DigitalSignature);
        await proxy.GenerateKeyPairAsync(KeyPairType.KeyAgreement);
        Assert.Equal(suite.Curve(), server.Security.SigningKey!.Curve);
        var (request, publicKey) = await proxy.RequestCertificateAsync(KeyPairType.DigitalSignature);
        Assert.Equal(server.Security.SigningKey.PublicKey, publicKey);
        Assert.Equal(server.KeyAgreementKey!.PublicKey, (await proxy.RequestCertificateAsync(KeyPairType.KeyAgreement)).PublicKey);
        var csr = new Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest(request);
        Assert.True(csr.Verify());
        Assert.Equal(suite == SecuritySuite.Suite1 ? X9ObjectIdentifiers.ECDsaWithSha256 : X9ObjectIdentifiers.ECDsaWithSha384,
            csr.SignatureAlgorithm.Algorithm);
        var info = csr.GetCertificationRequestInfo();
        Assert.Equal("CN=" + ServerTitle, info.Subject.ToString());
        Assert.Equal(server.Security.SigningKey.PublicKey.ToSubjectPublicKeyInfo(), info.SubjectPublicKeyInfo.GetDerEncoded());
        Assert.Equal(ActionResult.OtherReason, (await Assert.ThrowsAsync<CosemServiceException>(() =>
            proxy.GenerateCertificateRequestAsync(KeyPairType.Tls).AsTask())).ActionResult);

        var (_, suite0) = Create(SecuritySuite.Suite0);
        await Assert.ThrowsAsync<CosemServiceException>(() => suite0.GenerateKeyPairAsync(KeyPairType.DigitalSignature).AsTask());
    }

    [Theory]
    [InlineData(SecuritySuite.Suite1)]
    [InlineData(SecuritySuite.Suite2)]
    public async Task Key_agreement_gives_both_sides_the_same_keys(SecuritySuite suite)
    {
        var (server, proxy) = Create(suite);
        var serverSigning = EccKeyPair.Generate(suite.Curve());
        var clientSigning = EccKeyPair.Generate(suite.Curve());
        server.Security.SigningKey = serverSigning;
        server.ClientSigningKey = clientSigning.PublicKey;

        var agreed = await proxy.AgreeKeysAsync(suite, clientSigning, serverSigning.PublicKey, ClientTitle, ServerTitle,
            [SecurityKeyId.GlobalUnicastEncryptionKey, SecurityKeyId.AuthenticationKey]);
        Assert.Equal(agreed[SecurityKeyId.GlobalUnicastEncryptionKey], server.Security.Keys!.GlobalUnicastKey.ToArray());
        Assert.Equal(agreed[SecurityKeyId.AuthenticationKey], server.Security.Keys.AuthenticationKey.ToArray());
        Assert.Equal(suite.KeyLength(), agreed[SecurityKeyId.GlobalUnicastEncryptionKey].Length);

        // An ephemeral key signed by a key the server does not trust is refused and changes nothing.
        var before = server.Security.Keys;
        var error = await Assert.ThrowsAsync<CosemServiceException>(() => proxy.AgreeKeysAsync(suite, EccKeyPair.Generate(suite.Curve()),
            serverSigning.PublicKey, ClientTitle, ServerTitle, [SecurityKeyId.GlobalUnicastEncryptionKey]).AsTask());
        Assert.Equal(ActionResult.OtherReason, error.ActionResult);
        Assert.Same(before, server.Security.Keys);

        // The client refuses an answer signed by someone other than the server.
        await Assert.ThrowsAsync<CosemSecurityException>(() => proxy.AgreeKeysAsync(suite, clientSigning,
            EccKeyPair.Generate(suite.Curve()).PublicKey, ClientTitle, ServerTitle, [SecurityKeyId.GlobalUnicastEncryptionKey]).AsTask());
    }

    [Fact]
    public async Task Key_agreement_uses_an_imported_client_certificate()
    {
        var (server, proxy) = Create(SecuritySuite.Suite1);
        server.Security.SigningKey = EccKeyPair.Generate(EccCurve.P256);
        var clientSigning = EccKeyPair.Generate(EccCurve.P256);
        var ca = EccKeyPair.Generate(EccCurve.P256);
        await proxy.ImportCertificateAsync(TestCertificates.Issue(ClientTitle.ToString(), clientSigning.PublicKey, ca, "CA", keyUsage: KeyUsage.DigitalSignature));
        var agreed = await proxy.AgreeKeysAsync(SecuritySuite.Suite1, clientSigning, server.Security.SigningKey.PublicKey, ClientTitle, ServerTitle,
            [SecurityKeyId.GlobalBroadcastEncryptionKey]);
        Assert.Equal(agreed[SecurityKeyId.GlobalBroadcastEncryptionKey], server.Security.Keys!.GlobalBroadcastKey.ToArray());
    }
}
