using Cosem.Sdk.Security;
using static Cosem.Sdk.Tests.Security.ApduCipherGreenBookTests;

namespace Cosem.Sdk.Tests.Security;

/// <summary>Keys and secrets never appear in ToString or exception messages.</summary>
public class KeyMaterialTests
{
    private static readonly string[] Secrets =
    [
        Convert.ToHexString(BlockCipherKey), Convert.ToHexString(AuthenticationKey), "0001020304050607", "D0D1D2D3D4D5D6D7",
        "000102030405060708090a0b0c0d0e0f", "d0d1d2d3d4d5d6d7", "0, 1, 2, 3, 4", "208, 209, 210", "S3cr3tPa55", "5333637233745061",
    ];

    internal static void AssertNoKeyMaterial(string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Ciphering_keys_do_not_print_their_keys()
    {
        using var keys = new CipheringKeys(SecuritySuite.Suite0, BlockCipherKey, AuthenticationKey, dedicatedKey: BlockCipherKey);
        var text = keys.ToString();
        AssertNoKeyMaterial(text);
        Assert.Contains("dedicated key set", text, StringComparison.Ordinal);
        Assert.Contains("broadcast key absent", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_context_prints_titles_but_not_keys_or_secret()
    {
        using var keys = new CipheringKeys(SecuritySuite.Suite0, BlockCipherKey, AuthenticationKey);
        var context = new SecurityContext
        {
            Suite = SecuritySuite.Suite0,
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = GreenBookTitle,
            Keys = keys,
            Secret = "S3cr3tPa55"u8,
            KeyPair = EccKeyPair.Generate(EccCurve.P256),
        };
        var text = context.ToString();
        AssertNoKeyMaterial(text);
        Assert.DoesNotContain(Convert.ToHexString(context.KeyPair!.ExportPrivateKey()), text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("4D4D4D0000BC614E", text, StringComparison.Ordinal);
        Assert.Equal("S3cr3tPa55"u8.ToArray(), context.GetSecret().ToArray());
    }

    [Fact]
    public void Ciphers_authenticators_and_key_pairs_do_not_print_secrets()
    {
        using var cipher = Suite0Cipher();
        AssertNoKeyMaterial(cipher.ToString());
        AssertNoKeyMaterial(HlsAuthentication.Sha256("S3cr3tPa55"u8).ToString());
        AssertNoKeyMaterial(HlsAuthentication.Gmac(cipher).ToString());
        var pair = EccKeyPair.Generate(EccCurve.P384);
        Assert.DoesNotContain(Convert.ToHexString(pair.ExportPrivateKey()), pair.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Failed_hls_and_unwrap_do_not_echo_secrets()
    {
        var hls = HlsAuthentication.Md5("S3cr3tPa55"u8);
        var ex = Assert.Throws<CosemSecurityException>(() =>
            hls.VerifyResponse(GreenBookTitle, GreenBookTitle, new byte[16], new byte[16], new byte[16]));
        AssertNoKeyMaterial(ex.ToString());
        var unwrap = Assert.Throws<CosemSecurityException>(() => AesKeyWrap.Unwrap(BlockCipherKey, new byte[24]));
        AssertNoKeyMaterial(unwrap.ToString());
    }

    [Fact]
    public void Keys_can_be_replaced_and_select_ciphers()
    {
        using var keys = new CipheringKeys(SecuritySuite.Suite0, BlockCipherKey, AuthenticationKey);
        Assert.Throws<CosemSecurityException>(() => keys.CreateCipher(CipheringKeyKind.Dedicated));
        using var withDedicated = keys.WithDedicatedKey(AuthenticationKey);
        using var dedicated = withDedicated.CreateCipher(CipheringKeyKind.Dedicated);
        using var global = withDedicated.CreateCipher();
        var control = SecurityControlByte.Create(SecuritySuite.Suite0, true, true);
        var prot = dedicated.Protect(control, GreenBookTitle, 1, [1, 2, 3]);
        Assert.Throws<CosemSecurityException>(() => global.Unprotect(GreenBookTitle, prot, out _));
        using var replaced = keys.WithGlobalKeys(globalUnicastKey: AuthenticationKey);
        Assert.Equal(AuthenticationKey, replaced.GlobalUnicastKey.ToArray());
        Assert.Equal(AuthenticationKey, replaced.AuthenticationKey.ToArray());
        Assert.Throws<CosemSecurityException>(() => new CipheringKeys(SecuritySuite.Suite0, new byte[15], AuthenticationKey));
    }
}
