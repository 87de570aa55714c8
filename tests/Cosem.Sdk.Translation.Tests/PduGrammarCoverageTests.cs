using Cosem.Sdk.Apdu;
using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Tests.Support;

namespace Cosem.Sdk.Translation.Tests;

/// <summary>The grammar knows every APDU tag the SDK defines, and the vectors exercise every one of them.</summary>
public class PduGrammarCoverageTests
{
    public static TheoryData<ApduTag> Tags()
    {
        var data = new TheoryData<ApduTag>();
        foreach (var tag in Enum.GetValues<ApduTag>())
        {
            data.Add(tag);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Tags))]
    public void Every_apdu_tag_is_in_the_grammar(ApduTag tag)
    {
        // The tag alone is truncated: the failure must come after the tag (offset 1), not "unknown tag" at 0.
        var error = Assert.Throws<CosemEncodingException>(() => PduTranslator.DecodeApdu([(byte)tag]));
        Assert.Equal(1, error.Offset);
    }

    [Fact]
    public void Vectors_cover_every_service_family()
    {
        var roots = PduVectors.All.Select(v => PduTranslator.DecodeApdu(PduVectors.Bytes(v.Name)).Name).ToHashSet();
        string[] expected =
        [
            "GetRequest", "GetResponse", "SetRequest", "SetResponse", "ActionRequest", "ActionResponse", "EventNotificationRequest",
            "DataNotification", "DataNotificationConfirm", "ExceptionResponse", "ConfirmedServiceError", "AccessRequest", "AccessResponse",
            "GeneralBlockTransfer", "ReadRequest", "ReadResponse", "WriteRequest", "WriteResponse", "UnconfirmedWriteRequest",
            "InformationReportRequest", "InitiateRequest", "InitiateResponse", "Aarq", "Aare", "Rlrq", "Rlre",
            "GloGetRequest", "DedGetResponse", "GloInitiateRequest", "GloReadRequest", "GeneralGloCiphering",
            "GeneralDedCiphering", "GeneralCiphering", "GeneralSigning",
        ];
        Assert.Empty(expected.Except(roots));
    }
}
