using System.Security.Cryptography;
using Cosem.Sdk.Security;
using Org.BouncyCastle.Crypto.Digests;
using static Cosem.Sdk.Tests.Security.ApduCipherGreenBookTests;
using static Cosem.Sdk.Tests.Security.GcmReference;

namespace Cosem.Sdk.Tests.Security;

/// <summary>HLS f(challenge) for mechanisms 3–7, both directions, and the challenge and LLS rules.</summary>
public class HlsAuthenticationTests
{
    // Green Book Ed. 8.1 §9.2.7.4, Table 43 "HLS example using authentication-mechanism 5 with GMAC".
    private static readonly SystemTitle ClientTitle = SystemTitle.Parse("4D4D4D0000000001");
    private static readonly SystemTitle ServerTitle = SystemTitle.Parse("4D4D4D0000BC614E");
    private static readonly byte[] CtoS = "K56iVagY"u8.ToArray(); // 4B35366956616759
    private static readonly byte[] StoC = "P6wRJ21F"u8.ToArray(); // 503677524A323146
    private static readonly byte[] Secret = "S3cr3tPa55"u8.ToArray();

    [Fact]
    public void Gmac_pass_3_client_answer_matches_table_43()
    {
        using var cipher = Suite0Cipher();
        var hls = HlsAuthentication.Gmac(cipher);
        var response = hls.ComputeResponse(ClientTitle, ServerTitle, StoC, CtoS, invocationCounter: 0x00000001);
        Assert.Equal("10000000011A52FE7DD3E72748973C1E28", Convert.ToHexString(response));
    }

    [Fact]
    public void Gmac_pass_4_server_answer_matches_table_43()
    {
        using var cipher = Suite0Cipher();
        var hls = HlsAuthentication.Gmac(cipher);
        var response = hls.ComputeResponse(ServerTitle, ClientTitle, CtoS, StoC, invocationCounter: 0x01234567);
        Assert.Equal("1001234567FE1466AFB3DBCD4F9389E2B7", Convert.ToHexString(response));
    }

    [Fact]
    public void Gmac_answers_of_table_43_verify_on_the_other_side_and_report_the_counter()
    {
        using var cipher = Suite0Cipher();
        var hls = HlsAuthentication.Gmac(cipher);
        // Server checks the client's f(StoC); client checks the server's f(CtoS).
        Assert.Equal(1u, hls.VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, Hex("10000000011A52FE7DD3E72748973C1E28")));
        Assert.Equal(0x01234567u, hls.VerifyResponse(ClientTitle, ServerTitle, CtoS, StoC, Hex("1001234567FE1466AFB3DBCD4F9389E2B7")));
        Assert.Equal(0x01234567u, HlsAuthentication.ReadGmacInvocationCounter(Hex("1001234567FE1466AFB3DBCD4F9389E2B7")));
    }

    [Theory]
    [InlineData("10000000011A52FE7DD3E72748973C1E29")] // tag
    [InlineData("10000000021A52FE7DD3E72748973C1E28")] // counter
    [InlineData("30000000011A52FE7DD3E72748973C1E28")] // control byte
    [InlineData("90000000011A52FE7DD3E72748973C1E28")] // compression bit
    [InlineData("10000000011A52FE7DD3E72748973C1E")]   // truncated
    public void Gmac_tampered_answers_are_rejected(string response)
    {
        using var cipher = Suite0Cipher();
        var ex = Assert.Throws<CosemSecurityException>(() =>
            HlsAuthentication.Gmac(cipher).VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, Hex(response)));
        Assert.Equal(SecurityFailure.HlsVerificationFailed, ex.Failure);
    }

    [Fact]
    public void Gmac_answer_from_a_wrong_system_title_is_rejected()
    {
        using var cipher = Suite0Cipher();
        Assert.Throws<CosemSecurityException>(() => HlsAuthentication.Gmac(cipher)
            .VerifyResponse(ServerTitle, SystemTitle.Parse("4D4D4D0000000002"), StoC, CtoS, Hex("10000000011A52FE7DD3E72748973C1E28")));
    }

    // Expected values computed with BouncyCastle's digests (a second implementation; no published vectors found).
    [Fact]
    public void Md5_is_md5_of_challenge_then_secret()
    {
        var expected = Digest(new MD5Digest(), Concat(StoC, Secret));
        Assert.Equal(expected, HlsAuthentication.Md5(Secret).ComputeResponse(ClientTitle, ServerTitle, StoC, CtoS));
    }

    [Fact]
    public void Sha1_is_sha1_of_challenge_then_secret()
    {
        var expected = Digest(new Sha1Digest(), Concat(CtoS, Secret));
        Assert.Equal(expected, HlsAuthentication.Sha1(Secret).ComputeResponse(ServerTitle, ClientTitle, CtoS, StoC));
    }

    [Fact]
    public void Sha256_client_answer_is_over_secret_client_title_server_title_stoc_ctos()
    {
        var expected = Digest(new Sha256Digest(), Concat(Secret, ClientTitle.ToArray(), ServerTitle.ToArray(), StoC, CtoS));
        Assert.Equal(expected, HlsAuthentication.Sha256(Secret).ComputeResponse(ClientTitle, ServerTitle, StoC, CtoS));
    }

    [Fact]
    public void Sha256_server_answer_is_over_secret_server_title_client_title_ctos_stoc()
    {
        var expected = Digest(new Sha256Digest(), Concat(Secret, ServerTitle.ToArray(), ClientTitle.ToArray(), CtoS, StoC));
        Assert.Equal(expected, HlsAuthentication.Sha256(Secret).ComputeResponse(ServerTitle, ClientTitle, CtoS, StoC));
    }

    [Theory]
    [InlineData(HlsMechanism.Md5)]
    [InlineData(HlsMechanism.Sha1)]
    [InlineData(HlsMechanism.Sha256)]
    public void Hash_mechanisms_verify_both_ways_and_reject_a_wrong_secret(HlsMechanism mechanism)
    {
        var client = Create(mechanism, Secret);
        var server = Create(mechanism, Secret);
        var clientAnswer = client.ComputeResponse(ClientTitle, ServerTitle, StoC, CtoS);
        var serverAnswer = server.ComputeResponse(ServerTitle, ClientTitle, CtoS, StoC);
        Assert.Null(server.VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, clientAnswer));
        Assert.Null(client.VerifyResponse(ClientTitle, ServerTitle, CtoS, StoC, serverAnswer));

        var impostor = Create(mechanism, "wrong"u8.ToArray());
        var wrong = impostor.ComputeResponse(ClientTitle, ServerTitle, StoC, CtoS);
        var ex = Assert.Throws<CosemSecurityException>(() => server.VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, wrong));
        Assert.Equal(SecurityFailure.HlsVerificationFailed, ex.Failure);
        Assert.Throws<CosemSecurityException>(() => server.VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, clientAnswer[..^1]));
    }

    [Theory]
    [InlineData(EccCurve.P256)]
    [InlineData(EccCurve.P384)]
    public void Ecdsa_client_signs_client_title_server_title_stoc_ctos(EccCurve curve)
    {
        var clientKey = EccKeyPair.Generate(curve);
        var serverKey = EccKeyPair.Generate(curve);
        var client = HlsAuthentication.Ecdsa(clientKey, serverKey.PublicKey);
        var server = HlsAuthentication.Ecdsa(serverKey, clientKey.PublicKey);

        var clientAnswer = client.ComputeResponse(ClientTitle, ServerTitle, StoC, CtoS);
        Assert.Equal(curve.SignatureLength(), clientAnswer.Length);
        // Second path: the BCL's ECDsa checks the signature over the Green Book message order.
        using var bcl = ToBcl(clientKey.PublicKey);
        var hash = curve == EccCurve.P256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;
        Assert.True(bcl.VerifyData(Concat(ClientTitle.ToArray(), ServerTitle.ToArray(), StoC, CtoS), clientAnswer, hash));

        Assert.Null(server.VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, clientAnswer));
        var serverAnswer = server.ComputeResponse(ServerTitle, ClientTitle, CtoS, StoC);
        Assert.Null(client.VerifyResponse(ClientTitle, ServerTitle, CtoS, StoC, serverAnswer));

        // The server's answer is not a valid client answer (order differs), nor is a signature by another key.
        Assert.Throws<CosemSecurityException>(() => server.VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, serverAnswer));
        var stranger = HlsAuthentication.Ecdsa(EccKeyPair.Generate(curve), null);
        Assert.Throws<CosemSecurityException>(() =>
            server.VerifyResponse(ServerTitle, ClientTitle, StoC, CtoS, stranger.ComputeResponse(ClientTitle, ServerTitle, StoC, CtoS)));
    }

    [Fact]
    public void Challenges_are_8_to_64_random_bytes()
    {
        Assert.Equal(HlsChallenge.DefaultLength, HlsChallenge.Generate().Length);
        Assert.Equal(8, HlsChallenge.Generate(8).Length);
        Assert.Equal(64, HlsChallenge.Generate(64).Length);
        Assert.NotEqual(HlsChallenge.Generate(), HlsChallenge.Generate());
        Assert.Equal(SecurityFailure.InvalidChallenge, Assert.Throws<CosemSecurityException>(() => HlsChallenge.Generate(7)).Failure);
        Assert.Throws<CosemSecurityException>(() => HlsChallenge.Generate(65));
        Assert.Throws<CosemSecurityException>(() => HlsAuthentication.Md5(Secret).ComputeResponse(ClientTitle, ServerTitle, new byte[7], CtoS));
    }

    [Fact]
    public void Lls_password_comparison()
    {
        Assert.True(LlsPassword.Matches("12345678"u8, "12345678"u8));
        Assert.False(LlsPassword.Matches("12345678"u8, "12345679"u8));
        Assert.False(LlsPassword.Matches("12345678"u8, "1234567"u8));
        Assert.False(LlsPassword.Matches("12345678"u8, ""u8));
        Assert.True(LlsPassword.Matches(""u8, ""u8));
    }

    private static HlsAuthentication Create(HlsMechanism mechanism, byte[] secret) => mechanism switch
    {
        HlsMechanism.Md5 => HlsAuthentication.Md5(secret),
        HlsMechanism.Sha1 => HlsAuthentication.Sha1(secret),
        _ => HlsAuthentication.Sha256(secret),
    };

    private static byte[] Digest(Org.BouncyCastle.Crypto.IDigest digest, byte[] input)
    {
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    internal static ECDsa ToBcl(EccPublicKey key)
    {
        var raw = key.ToRaw();
        var half = raw.Length / 2;
        return ECDsa.Create(new ECParameters
        {
            Curve = key.Curve == EccCurve.P256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384,
            Q = new ECPoint { X = raw[..half], Y = raw[half..] },
        });
    }
}
