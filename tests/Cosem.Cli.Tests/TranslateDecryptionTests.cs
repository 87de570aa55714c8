using System.Xml.Linq;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem translate</c> with keys: the envelope and, under it, the decrypted APDU.</summary>
public sealed class TranslateDecryptionTests
{
    // Green Book Ed. 8 Table 40 "Example: glo-get-request xDLMS APDU" (keys and system title of §9.2.7.2.4):
    // GET Clock 0.0.1.0.0.255 attribute 2, SC 30, IC 01234567.
    private const string GloGetRequest = "C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B";
    private const string BlockCipherKey = "000102030405060708090A0B0C0D0E0F";
    private const string AuthenticationKey = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    private const string SystemTitleHex = "4D4D4D0000BC614E";

    // The same protected content in a general-glo-ciphering APDU, which carries the system title itself (own vector,
    // from Table 40: IV and AAD are the same, so SC ‖ IC ‖ C ‖ T are identical).
    private const string GeneralGloCiphering = "DB08" + SystemTitleHex + "1E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B";

    private static readonly string[] Keys = ["--block-cipher-key", BlockCipherKey, "--authentication-key", AuthenticationKey];

    /// <summary>The plaintext of every vector here is a GET of Clock 0.0.1.0.0.255 (class and instance checked).</summary>
    private static void AssertGetsTheClock(XElement getRequest)
    {
        Assert.Equal("Clock", (string?)getRequest.Descendants("ClassId").Single().Attribute("Name"));
        Assert.Equal("0.0.1.0.0.255", (string?)getRequest.Descendants("InstanceId").Single().Attribute("Value"));
    }

    [Fact]
    public async Task Green_book_glo_get_request_is_shown_decrypted_under_its_envelope()
    {
        var (code, output, error) = await CliRunner.RunAsync(null, ["translate", GloGetRequest, .. Keys, "--system-title", SystemTitleHex]);
        Assert.Equal(0, code);
        Assert.Empty(error);
        var root = XElement.Parse(output);
        Assert.Equal("GloGetRequest", root.Name.LocalName);
        Assert.Equal("19088743", (string?)root.Element("InvocationCounter")!.Attribute("Value"));
        Assert.Equal("7D825C3BE4A77C3FCC056B6B", (string?)root.Element("AuthenticationTag")!.Attribute("Value"));
        var plain = root.Element("DecryptedApdu")!.Element("GetRequest")!;
        Assert.Equal("Clock", (string?)plain.Descendants("ClassId").Single().Attribute("Name"));
        Assert.Equal("0.0.1.0.0.255", (string?)plain.Descendants("InstanceId").Single().Attribute("Value"));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task The_decrypted_translation_translates_back_to_the_identical_ciphered_bytes(string format)
    {
        var (_, text, _) = await CliRunner.RunAsync(null, ["translate", GloGetRequest, .. Keys, "--system-title", SystemTitleHex, "--format", format]);
        Assert.Contains("DecryptedApdu", text, StringComparison.Ordinal);
        var (code, hex, error) = await CliRunner.RunAsync(text, "translate", "--to-hex");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(GloGetRequest, hex.Replace(" ", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task General_glo_ciphering_needs_no_system_title_option()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, ["translate", GeneralGloCiphering, .. Keys]);
        Assert.Equal(0, code);
        var root = XElement.Parse(output);
        Assert.Equal("GeneralGloCiphering", root.Name.LocalName);
        AssertGetsTheClock(root.Element("CipheredContent")!.Element("DecryptedApdu")!.Element("GetRequest")!);
    }

    [Fact]
    public async Task General_ciphering_with_an_identified_key_is_decrypted()
    {
        using var keys = new CipheringKeys(SecuritySuite.Suite0, Convert.FromHexString(BlockCipherKey), Convert.FromHexString(AuthenticationKey));
        using var keyring = new GeneralCipheringKeyring(SecuritySuite.Suite0) { Keys = keys };
        var header = new GeneralProtectionHeader(SystemTitle.Parse(SystemTitleHex), SystemTitle.Parse("4D4D4D0000000001"), new byte[] { 1, 2 });
        var apdu = GeneralCipheringProtection.Protect(header, GeneralCipheringKeyMode.GlobalUnicastKey, keyring,
            SecurityControlByte.Create(SecuritySuite.Suite0, true, true), 5, Convert.FromHexString("C001C100080000010000FF0200"));
        var (code, output, _) = await CliRunner.RunAsync(null, ["translate", Convert.ToHexString(apdu.ToArray()), .. Keys]);
        Assert.Equal(0, code);
        AssertGetsTheClock(XElement.Parse(output).Element("CipheredContent")!.Element("DecryptedApdu")!.Element("GetRequest")!);
    }

    [Fact]
    public async Task Without_keys_only_the_envelope_is_shown()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "translate", GloGetRequest);
        Assert.Equal(0, code);
        Assert.DoesNotContain("DecryptedApdu", output, StringComparison.Ordinal);
        Assert.Contains("<CipheredText", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_a_tag_mismatch_with_exit_code_2()
    {
        var (code, output, error) = await CliRunner.RunAsync(null,
            "translate", GloGetRequest, "--block-cipher-key", "000102030405060708090A0B0C0D0E0E", "--authentication-key", AuthenticationKey,
            "--system-title", SystemTitleHex);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("authentication tag does not match", error, StringComparison.Ordinal);
        Assert.DoesNotContain("0E0E", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_glo_apdu_without_a_system_title_and_bad_key_text_are_clear_errors()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, ["translate", GloGetRequest, .. Keys]);
        Assert.Equal(2, code);
        Assert.Contains("--system-title", error, StringComparison.Ordinal);

        (code, _, error) = await CliRunner.RunAsync(null, "translate", GloGetRequest, "--block-cipher-key", "0011");
        Assert.Equal(2, code);
        Assert.Contains("--block-cipher-key", error, StringComparison.Ordinal);
    }
}
