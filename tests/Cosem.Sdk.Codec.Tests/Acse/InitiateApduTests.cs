using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Codec.Tests.Acse;

public class InitiateApduTests
{
    [Theory]
    [InlineData("01000000065F1F0400007E1F04B0")] // Green Book AARQ user-information; u9n/dlms-cosem tests/test_xdlms/test_initiate.py
    [InlineData("01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0")] // with dedicated key: same test file
    [InlineData("0800065F1F040000501F01F40007")] // Green Book AARE user-information; same test file
    [InlineData("080100065F1F0400001E1D04C80007")] // quality of service present: same test file
    [InlineData("0E010601")] // initiateError / initiate / dlms-version-too-low: u9n/dlms-cosem test_aare.py
    [InlineData("0E010302")] // initiateError / service / service-unsupported: gosem dlmsclient tests
    // glo-initiate-request: u9n/dlms-cosem tests/test_xdlms/test_initiate.py (TestGlobalCipherInitiateRequest)
    [InlineData("21303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855")]
    public void Vectors_decode_and_reencode_byte_for_byte(string hex)
    {
        var apdu = ApduDecoder.DecodeAcse(HexText.Bytes(hex));
        Assert.Equal(hex, HexText.Of(apdu.ToArray()));
    }

    [Fact]
    public void Initiate_request_with_dedicated_key()
    {
        var request = InitiateRequest.Decode(HexText.Bytes("01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0"));
        Assert.Equal("00112233445566778899AABBCCDDEEFF", HexText.Of(request.DedicatedKey));
        Assert.True(request.ResponseAllowed);
        Assert.Equal(1200, request.ClientMaxReceivePduSize);
    }

    [Fact]
    public void Response_allowed_false_and_quality_of_service_are_encoded_as_present()
    {
        var request = new InitiateRequest
        {
            ResponseAllowed = false,
            ProposedQualityOfService = 3,
            ProposedDlmsVersionNumber = 6,
            ProposedConformance = Conformance.Get,
            ClientMaxReceivePduSize = 0,
        };
        // DEFAULT TRUE is sent as present (01) with value FALSE (00) only when it differs from the default.
        Assert.Equal("010001000103065F1F040000001000" + "00", HexText.Of(request.ToArray()));
        var decoded = InitiateRequest.Decode(request.ToArray());
        Assert.False(decoded.ResponseAllowed);
        Assert.Equal((sbyte)3, decoded.ProposedQualityOfService);
        Assert.Equal(Conformance.Get, decoded.ProposedConformance);
    }

    [Theory]
    // DLMS UA Green Book conformance examples, as in u9n/dlms-cosem tests/test_asce/test_conformance.py.
    [InlineData("007E1F", Conformance.PriorityManagementSupported | Conformance.Attribute0SupportedWithGet
        | Conformance.BlockTransferWithGetOrRead | Conformance.BlockTransferWithSetOrWrite | Conformance.BlockTransferWithAction
        | Conformance.MultipleReferences | Conformance.Get | Conformance.Set | Conformance.SelectiveAccess
        | Conformance.EventNotification | Conformance.Action)]
    [InlineData("00501F", Conformance.PriorityManagementSupported | Conformance.BlockTransferWithGetOrRead | Conformance.Get
        | Conformance.Set | Conformance.SelectiveAccess | Conformance.EventNotification | Conformance.Action)]
    [InlineData("800000", Conformance.ReservedZero)]
    [InlineData("400000", Conformance.GeneralProtection)]
    [InlineData("200000", Conformance.GeneralBlockTransfer)]
    [InlineData("1C0000", Conformance.Read | Conformance.Write | Conformance.UnconfirmedWrite)]
    [InlineData("020000", Conformance.DeltaValueEncoding)]
    [InlineData("008000", Conformance.Attribute0SupportedWithSet)]
    [InlineData("0000E0", Conformance.DataNotification | Conformance.Access | Conformance.ParameterizedAccess)]
    [InlineData("000100", Conformance.InformationReport)]
    public void Conformance_bits_follow_the_green_book_order(string blockHex, Conformance expected)
    {
        var response = InitiateResponse.Decode(HexText.Bytes("0800065F1F0400" + blockHex + "01F40007"));
        Assert.Equal(expected, response.NegotiatedConformance);
        Assert.Equal("0800065F1F0400" + blockHex + "01F40007", HexText.Of(response.ToArray()));
    }

    [Fact]
    public void Conformance_without_the_1F_octet_is_accepted()
    {
        // "5F 04 …" without the second tag octet, as some older meters send it: Hexing gateway test data
        // (cn.hexing.fk TestMessageGate / handleAARQ, public GitHub).
        var aare = AareApdu.Decode(HexText.Bytes(
            "6141A109060760857405080101A203020101A305A10302010288020780890760857405080201AA0A80083030303030303030BE0F040D0800065F040000001001000007"));
        Assert.Equal(Conformance.Get, aare.InitiateResponse!.NegotiatedConformance);
        Assert.Equal(256, aare.InitiateResponse.ServerMaxReceivePduSize);
    }

    [Fact]
    public void Short_and_long_conformance_bit_strings_are_read_by_bit_position()
    {
        Assert.Equal((Conformance)0x7C1F00, InitiateResponse.Decode(HexText.Bytes("0800065F1F03007C1F04000007")).NegotiatedConformance);
        Assert.Equal((Conformance)0x00001F, InitiateResponse.Decode(HexText.Bytes("0800065F1F050000001F0004000007")).NegotiatedConformance);
    }

    [Fact]
    public void Confirmed_service_error_alternatives()
    {
        var error = ConfirmedServiceError.Decode(HexText.Bytes("0E010302"));
        Assert.Equal(ConfirmedServiceKind.InitiateError, error.Service);
        Assert.Equal(ServiceError.ServiceUnsupported, error.ServiceError);
        Assert.Null(error.InitiateError);

        var read = new ConfirmedServiceError(ConfirmedServiceKind.Read, ServiceErrorKind.Access, (byte)AccessError.ObjectUnavailable);
        Assert.Equal("0E050504", HexText.Of(read.ToArray()));
        Assert.Equal(AccessError.ObjectUnavailable, ConfirmedServiceError.Decode(read.ToArray()).AccessError);

        Assert.Equal(ApplicationReferenceError.ProviderCommunicationError,
            ConfirmedServiceError.Decode(HexText.Bytes("0E010005")).ApplicationReferenceError);
        Assert.Equal(TaskError.TiRunning, ConfirmedServiceError.Decode(HexText.Bytes("0E0B0903")).TaskError);
    }

    [Fact]
    public void Ciphered_envelopes_for_every_tag()
    {
        foreach (var tag in new[]
                 {
                     ApduTag.GloInitiateRequest, ApduTag.GloInitiateResponse, ApduTag.DedInitiateRequest,
                     ApduTag.DedInitiateResponse, ApduTag.GloConfirmedServiceError, ApduTag.DedConfirmedServiceError,
                 })
        {
            var envelope = new CipheredUserInformationApdu(tag, Enumerable.Range(0, 130).Select(i => (byte)i).ToArray());
            var bytes = envelope.ToArray();
            Assert.Equal((byte)tag, bytes[0]);
            Assert.Equal("8182", HexText.Of(bytes.AsSpan(1, 2)));
            var decoded = Assert.IsType<CipheredUserInformationApdu>(ApduDecoder.DecodeAcse(bytes));
            Assert.Equal(tag, decoded.Tag);
            Assert.Equal(envelope.CipheredContent.ToArray(), decoded.CipheredContent.ToArray());
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new CipheredUserInformationApdu(ApduTag.GloGetRequest, new byte[1]));
    }

    [Theory]
    [InlineData("01000000065F1F0400007E1F04B000", "InitiateRequest")]   // trailing byte
    [InlineData("01000000065F1E0400007E1F04B0", "proposed-conformance")] // wrong second tag octet is read as length 0x1E
    [InlineData("01000000064F1F0400007E1F04B0", "proposed-conformance")] // not [APPLICATION 31]
    [InlineData("010110001122", "dedicated-key")]                      // key truncated
    [InlineData("0800065F1F040000501F01F400", "vaa-name")]
    [InlineData("0E0106", "service-error value")]
    [InlineData("2105AABB", "ciphered-content")]
    public void Malformed_initiate_apdus_name_the_field(string hex, string field)
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeAcse(HexText.Bytes(hex)));
        Assert.Equal(field, error.Field);
    }
}
