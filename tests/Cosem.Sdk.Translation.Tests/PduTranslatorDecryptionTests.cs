using Cosem.Sdk.Translation;

namespace Cosem.Sdk.Translation.Tests;

/// <summary>The translator's decryption extension point, with a stand-in decryptor (the codec has no cryptography).</summary>
public class PduTranslatorDecryptionTests
{
    // Green Book Table 40 glo-get-request and its plaintext GET (Clock 0.0.1.0.0.255 attribute 2).
    private static readonly byte[] GloGetRequest = Convert.FromHexString("C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B");
    private static readonly byte[] GetRequest = Convert.FromHexString("C0010000080000010000FF0200");

    private sealed class FixedDecryptor(byte[]? plaintext) : IPayloadDecryptor
    {
        public int Calls { get; private set; }

        public byte[]? Decrypt(ReadOnlySpan<byte> apdu)
        {
            Calls++;
            return plaintext;
        }
    }

    [Fact]
    public void The_plaintext_is_shown_under_the_envelope_and_ignored_when_encoding()
    {
        var translator = new PduTranslator([], new FixedDecryptor(GetRequest));
        var root = translator.Decode(GloGetRequest);
        Assert.Equal("GetRequest", root.Child(PduTranslator.DecryptedElement)!.Children[0].Name);
        Assert.Equal(GloGetRequest, translator.FromXml(translator.ToXml(GloGetRequest)));
        Assert.Equal(GloGetRequest, translator.FromJson(translator.ToJson(GloGetRequest)));
        Assert.Equal(GloGetRequest, PduTranslator.Default.FromXml(translator.ToXml(GloGetRequest)));
    }

    [Fact]
    public void Without_a_key_only_the_envelope_is_shown_and_plain_apdus_are_not_offered()
    {
        var none = new FixedDecryptor(null);
        var translator = new PduTranslator([], none);
        Assert.Null(translator.Decode(GloGetRequest).Child(PduTranslator.DecryptedElement));
        translator.Decode(GetRequest);
        Assert.Equal(1, none.Calls);
    }

    [Fact]
    public void Plaintext_that_is_no_apdu_is_shown_as_bytes()
    {
        var translator = new PduTranslator([], new FixedDecryptor([0xFF, 0x01]));
        var shown = translator.Decode(GloGetRequest).Child(PduTranslator.DecryptedElement)!;
        Assert.Equal("FF01", shown["Value"]);
        Assert.Equal("At byte 0 (APDU): Unknown APDU tag 255 (0xFF).", shown["NotAnApdu"]);
        Assert.Equal(GloGetRequest, translator.FromXml(translator.ToXml(GloGetRequest)));
    }

    [Fact]
    public void General_glo_ciphering_shows_the_plaintext_inside_its_ciphered_content()
    {
        var apdu = Convert.FromHexString("DB084D4D4D0000BC614E1E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B");
        var translator = new PduTranslator([], new FixedDecryptor(GetRequest));
        Assert.Equal("GetRequest", translator.Decode(apdu).Child("CipheredContent")!.Child(PduTranslator.DecryptedElement)!.Children[0].Name);
        Assert.Equal(apdu, translator.FromXml(translator.ToXml(apdu)));
    }
}
