using Cosem.Sdk.Security;
using Cosem.Studio.Connections;

namespace Cosem.Studio.Tests.Unit;

/// <summary>The connection form's checks of suites 1 and 2 and the HLS-ECDSA keys, before anything is sent.</summary>
public sealed class EcdsaFormTests
{
    private static ConnectionSettings Ecdsa(int suite, string security = "none") => new()
    {
        Authentication = "hls-ecdsa",
        Security = security,
        Suite = suite,
    };

    private static ConnectionSecrets Keys(EccCurve curve) => new()
    {
        SigningPrivateKey = Convert.ToHexString(EccKeyPair.Generate(curve).ExportPrivateKey()),
        MeterPublicKey = Convert.ToHexString(EccKeyPair.Generate(curve).PublicKey.ToRaw()),
    };

    [Fact]
    public void Hls_ecdsa_with_suite_0_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(Ecdsa(0), Keys(EccCurve.P256), null));
        Assert.Contains("suite 1 (P-256) or 2 (P-384)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_p256_key_for_suite_2_names_the_curves_and_not_the_key()
    {
        var secrets = Keys(EccCurve.P256);
        var error = Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(Ecdsa(2), secrets, null));
        Assert.Contains("P384", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.SigningPrivateKey!, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Missing_or_garbled_signing_keys_say_which_field()
    {
        var secrets = Keys(EccCurve.P256);
        secrets.MeterPublicKey = null;
        Assert.Contains("public signing key", Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(Ecdsa(1), secrets, null)).Message,
            StringComparison.Ordinal);
        secrets.MeterPublicKey = "not a key";
        Assert.Contains("is no P256 public key", Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(Ecdsa(1), secrets, null)).Message,
            StringComparison.Ordinal);
        secrets.SigningPrivateKey = "-----BEGIN PRIVATE KEY-----AAAA";
        Assert.Contains("client signing key", Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(Ecdsa(1), secrets, null)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Suite_2_needs_32_byte_ciphering_keys_and_builds_a_p384_context()
    {
        var secrets = Keys(EccCurve.P384);
        secrets.BlockCipherKey = new string('1', 32);
        secrets.AuthenticationKey = new string('2', 64);
        Assert.Contains("64 hex digits (32 bytes, suite 2)",
            Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(Ecdsa(2, "authenticated-encrypted"), secrets, null)).Message, StringComparison.Ordinal);
        secrets.BlockCipherKey = new string('1', 64);
        var (_, options) = ConnectionFactory.Create(Ecdsa(2, "authenticated-encrypted"), secrets, null);
        Assert.NotNull(options.Protection);
    }

    [Fact]
    public void Secrets_and_links_never_show_the_signing_keys()
    {
        var secrets = Keys(EccCurve.P256);
        Assert.Equal("secrets: ***", secrets.ToString());
        Assert.False(secrets.IsEmpty);
        var link = DeepLink.For(Ecdsa(1));
        Assert.Contains("suite=1", link, StringComparison.Ordinal);
        Assert.Equal(1, DeepLink.Parse(link[link.IndexOf('?', StringComparison.Ordinal)..]).Suite);
        Assert.Throws<ArgumentException>(() => DeepLink.Parse("?private-key=00"));
    }
}
