using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Tests.Support;

namespace Cosem.Sdk.Translation.Tests;

public class PduTranslatorRoundTripTests
{
    private static readonly PduTranslator Translator = PduTranslator.Default;

    [Theory]
    [MemberData(nameof(PduVectors.Names), MemberType = typeof(PduVectors))]
    public void Bytes_to_xml_and_back_are_identical(string name)
    {
        byte[] bytes = PduVectors.Bytes(name);
        string xml = Translator.ToXml(bytes);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Translator.FromXml(xml)));
    }

    [Theory]
    [MemberData(nameof(PduVectors.Names), MemberType = typeof(PduVectors))]
    public void Bytes_to_json_and_back_are_identical(string name)
    {
        byte[] bytes = PduVectors.Bytes(name);
        string json = Translator.ToJson(bytes);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Translator.FromJson(json)));
    }

    [Theory]
    [MemberData(nameof(PduVectors.Names), MemberType = typeof(PduVectors))]
    public void Xml_document_and_reader_overloads_agree(string name)
    {
        byte[] bytes = PduVectors.Bytes(name);
        var document = Translator.ToXDocument(bytes);
        Assert.Equal(bytes, Translator.FromXml(document));
    }
}
