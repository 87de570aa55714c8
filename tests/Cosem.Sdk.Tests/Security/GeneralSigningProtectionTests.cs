using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using static Cosem.Sdk.Tests.Security.GcmReference;

namespace Cosem.Sdk.Tests.Security;

/// <summary>General-signing: ECDSA over the A-XDR header fields and content, suites 1 and 2.</summary>
public class GeneralSigningProtectionTests
{
    private static readonly SystemTitle Client = SystemTitle.Parse("4D4D4D0000BC614E");
    private static readonly SystemTitle Server = SystemTitle.Parse("4D4D4D0000000001");
    private static readonly byte[] Get = Hex("C0 01 C1 00 08 00 00 01 00 00 FF 02 00");

    [Theory]
    [InlineData(EccCurve.P256)]
    [InlineData(EccCurve.P384)]
    public void Sign_and_verify_round_trip(EccCurve curve)
    {
        var key = EccKeyPair.Generate(curve);
        var header = new GeneralProtectionHeader(Client, Server, Hex("01")) { OtherInformation = Hex("0102") };
        var apdu = GeneralSigningProtection.Sign(header, key, Get);
        Assert.Equal(curve.SignatureLength(), apdu.Signature.Length);
        var decoded = (GeneralSigning)ApduDecoder.DecodeXdlms(apdu.ToArray());
        Assert.Equal(Get, GeneralSigningProtection.Verify(decoded, key.PublicKey).ToArray());

        // The signed message is the A-XDR fields, checked with the BCL's ECDSA as a second path.
        using var bcl = System.Security.Cryptography.ECDsa.Create();
        bcl.ImportPkcs8PrivateKey(key.ExportPkcs8(), out _);
        var message = Concat(Hex("01 01 08 4D4D4D0000BC614E 08 4D4D4D0000000001 00 02 0102"), [(byte)Get.Length], Get);
        Assert.True(bcl.VerifyData(message, apdu.Signature.Span,
            curve == EccCurve.P256 ? System.Security.Cryptography.HashAlgorithmName.SHA256 : System.Security.Cryptography.HashAlgorithmName.SHA384));
    }

    [Fact]
    public void Changed_fields_wrong_key_and_bad_signatures_are_refused()
    {
        var key = EccKeyPair.Generate(EccCurve.P256);
        var apdu = GeneralSigningProtection.Sign(new GeneralProtectionHeader(Client, Server, Hex("07")), key, Get);
        void Refused(GeneralSigning candidate, EccPublicKey publicKey) =>
            Assert.Equal(SecurityFailure.InvalidSignature,
                Assert.Throws<CosemSecurityException>(() => GeneralSigningProtection.Verify(candidate, publicKey)).Failure);

        Refused(apdu, EccKeyPair.Generate(EccCurve.P256).PublicKey);
        Refused(new GeneralSigning(Hex("08"), apdu.OriginatorSystemTitle, apdu.RecipientSystemTitle, apdu.DateTime, apdu.OtherInformation,
            apdu.Content, apdu.Signature), key.PublicKey);
        Refused(new GeneralSigning(apdu.TransactionId, apdu.OriginatorSystemTitle, apdu.RecipientSystemTitle, apdu.DateTime, apdu.OtherInformation,
            Hex("C0 01 C1 00 08 00 00 01 00 00 FF 03 00"), apdu.Signature), key.PublicKey);
        Refused(new GeneralSigning(apdu.TransactionId, apdu.OriginatorSystemTitle, apdu.RecipientSystemTitle, apdu.DateTime, apdu.OtherInformation,
            apdu.Content, ReadOnlyMemory<byte>.Empty), key.PublicKey);
        Refused(apdu, EccKeyPair.Generate(EccCurve.P384).PublicKey);
        Assert.Throws<CosemSecurityException>(() => GeneralSigningProtection.Verify(
            new GeneralSigning(apdu.TransactionId, Hex("0102"), apdu.RecipientSystemTitle, default, default, apdu.Content, apdu.Signature), key.PublicKey));
    }
}
