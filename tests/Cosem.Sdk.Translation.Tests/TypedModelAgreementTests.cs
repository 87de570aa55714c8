using Cosem.Sdk.Apdu;
using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Tests.Support;

namespace Cosem.Sdk.Translation.Tests;

/// <summary>
/// The translator's grammar and the typed APDU classes are two independent descriptions of IEC 62056-5-3.
/// Every translator vector that is a whole APDU must decode through the typed model and re-encode to the same
/// bytes, and both must agree on which service it is.
/// </summary>
public class TypedModelAgreementTests
{
    [Theory]
    [MemberData(nameof(PduVectors.Names), MemberType = typeof(PduVectors))]
    public void Typed_model_round_trips_every_translator_vector(string name)
    {
        var bytes = PduVectors.Bytes(name);
        if (!ApduDecoder.CanDecode((ApduTag)bytes[0]) || NonCanonical.Contains(name))
        {
            return; // bare Data vectors are translator-only; see NonCanonical
        }

        var typed = ApduDecoder.Decode(bytes);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(typed.ToArray()));

        var xml = PduTranslator.Default.ToXDocument(bytes);
        Assert.Equal(ServiceName(typed.Tag), xml.Root!.Name.LocalName, StringComparer.OrdinalIgnoreCase);
    }

    // Vectors that deliberately use encodings a sender should not produce (unknown ACSE fields, non-OCTET STRING
    // AP-titles). The translator keeps them byte for byte; the typed model is exact in what it sends and
    // normalises or refuses them.
    private static readonly HashSet<string> NonCanonical = ["aarq-odd-encodings", "aarq-unknown-field"];

    // The translator names the root after the ASN.1 service; the typed model after the tag.
    private static string ServiceName(ApduTag tag) => tag switch
    {
        ApduTag.InitiateRequest => "InitiateRequest",
        ApduTag.InitiateResponse => "InitiateResponse",
        ApduTag.GloInitiateRequest => "GloInitiateRequest",
        ApduTag.GloInitiateResponse => "GloInitiateResponse",
        ApduTag.DedInitiateRequest => "DedInitiateRequest",
        ApduTag.DedInitiateResponse => "DedInitiateResponse",
        ApduTag.Aarq => "AARQ",
        ApduTag.Aare => "AARE",
        ApduTag.Rlrq => "RLRQ",
        ApduTag.Rlre => "RLRE",
        _ => tag.ToString(),
    };
}
