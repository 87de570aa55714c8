using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Codec.Tests.Acse;

public class AarqApduTests
{
    // DLMS UA Green Book, "Encoding of the AARQ" example: LN referencing, no security
    // (also in u9n/dlms-cosem tests/test_asce/test_aarq.py, citing Green Book v10 p. 444).
    private const string GreenBookAarq = "601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0";

    // LLS, password "12345678": u9n/dlms-cosem tests/test_asce/test_aarq.py and the EnergyICT DLMS
    // AssociationControlServiceElementTest (aarqlowlevel).
    private const string LowLevelAarq = "6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738BE10040E01000000065F1F0400007E1F04B0";

    // HLS GMAC (mechanism 5), CtoS "K56iVagY": u9n/dlms-cosem tests/test_asce/test_aarq.py (test_encode_no_ciphering_high_security).
    private const string HighLevelGmacAarq = "6036A1090607608574050801018A0207808B0760857405080205AC0A80084B35366956616759BE10040E01000000065F1F0400007E1F04B0";

    // LN with ciphering, calling-AP-title 4D4D4D0000BC614E, LLS, glo-initiate-request in user-information:
    // u9n/dlms-cosem tests/test_asce/test_aarq.py (test_parse_ciphered_low_security2).
    private const string CipheredAarq = "6066A109060760857405080103A60A04084D4D4D0000BC614E8A0207808B0760857405080201AC0A80083132333435363738BE34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855";

    // LLS with client-max-receive-pdu-size 256 and a smaller conformance: gosem (circutor-library/gosem) dlmsclient tests.
    private const string GosemLowLevelAarq = "6036A1090607608574050801018A0207808B0760857405080201AC0A80083030303030303031BE10040E01000000065F1F040000181F0100";

    [Theory]
    [InlineData(GreenBookAarq)]
    [InlineData(LowLevelAarq)]
    [InlineData(HighLevelGmacAarq)]
    [InlineData(CipheredAarq)]
    [InlineData(GosemLowLevelAarq)]
    public void Published_vectors_decode_and_reencode_byte_for_byte(string hex)
    {
        var bytes = HexText.Bytes(hex);
        var aarq = Assert.IsType<AarqApdu>(ApduDecoder.DecodeAcse(bytes));
        Assert.Equal(hex, HexText.Of(aarq.ToArray()));
        Assert.Equal(bytes.Length, aarq.GetEncodedLength());
    }

    [Fact]
    public void Green_book_aarq_fields()
    {
        var aarq = AarqApdu.Decode(HexText.Bytes(GreenBookAarq));
        Assert.Equal(ApduTag.Aarq, aarq.Tag);
        Assert.Null(aarq.ProtocolVersion);
        Assert.Equal(ApplicationContextName.LogicalName, aarq.ApplicationContextName);
        Assert.Null(aarq.CallingApTitle);
        Assert.Null(aarq.SenderAcseRequirements);
        Assert.Null(aarq.MechanismName);
        Assert.Null(aarq.CallingAuthenticationValue);
        Assert.Equal("01000000065F1F0400007E1F04B0", HexText.Of(aarq.UserInformation));

        var initiate = Assert.IsType<InitiateRequest>(aarq.InitiateRequest);
        Assert.Null(initiate.DedicatedKey);
        Assert.True(initiate.ResponseAllowed);
        Assert.Null(initiate.ProposedQualityOfService);
        Assert.Equal(6, initiate.ProposedDlmsVersionNumber);
        Assert.Equal(1200, initiate.ClientMaxReceivePduSize);
        Assert.Equal(
            Conformance.PriorityManagementSupported | Conformance.Attribute0SupportedWithGet | Conformance.BlockTransferWithGetOrRead
            | Conformance.BlockTransferWithSetOrWrite | Conformance.BlockTransferWithAction | Conformance.MultipleReferences
            | Conformance.Get | Conformance.Set | Conformance.SelectiveAccess | Conformance.EventNotification | Conformance.Action,
            initiate.ProposedConformance);
    }

    [Fact]
    public void Green_book_aarq_is_built_from_typed_fields()
    {
        var aarq = new AarqApdu
        {
            ApplicationContextName = ApplicationContextName.LogicalName,
            UserInformationApdu = new InitiateRequest
            {
                ProposedConformance = (Conformance)0x007E1F,
                ClientMaxReceivePduSize = 1200,
            },
        };
        Assert.Equal(GreenBookAarq, HexText.Of(aarq.ToArray()));
    }

    [Fact]
    public void Low_level_security_aarq_is_built_from_typed_fields()
    {
        var aarq = new AarqApdu
        {
            SenderAcseRequirements = AcseRequirements.Authentication,
            MechanismName = MechanismName.Low,
            CallingAuthenticationValue = AuthenticationValue.FromPassword("12345678"),
            UserInformationApdu = new InitiateRequest { ProposedConformance = (Conformance)0x007E1F, ClientMaxReceivePduSize = 1200 },
        };
        Assert.Equal(LowLevelAarq, HexText.Of(aarq.ToArray()));
    }

    [Fact]
    public void High_level_security_fields()
    {
        var aarq = AarqApdu.Decode(HexText.Bytes(HighLevelGmacAarq));
        Assert.Equal(AcseRequirements.Authentication, aarq.SenderAcseRequirements);
        Assert.Equal(MechanismName.HighGmac, aarq.MechanismName);
        var challenge = Assert.IsType<AuthenticationValue>(aarq.CallingAuthenticationValue);
        Assert.Equal(AuthenticationValueKind.CharString, challenge.Kind);
        Assert.Equal("K56iVagY"u8.ToArray(), challenge.Value.ToArray());
    }

    [Fact]
    public void Ciphered_aarq_fields()
    {
        var aarq = AarqApdu.Decode(HexText.Bytes(CipheredAarq));
        Assert.Equal(ApplicationContextName.LogicalNameWithCiphering, aarq.ApplicationContextName);
        Assert.Equal("4D4D4D0000BC614E", HexText.Of(aarq.CallingApTitle));
        Assert.Equal(MechanismName.Low, aarq.MechanismName);
        Assert.Null(aarq.InitiateRequest);
        var ciphered = Assert.IsType<CipheredUserInformationApdu>(aarq.CipheredUserInformation);
        Assert.Equal(ApduTag.GloInitiateRequest, ciphered.Tag);
        Assert.False(ciphered.IsDedicated);
        Assert.Equal(0x30, ciphered.CipheredContent.Span[0]);    // security control: authenticated and encrypted
        Assert.Equal(0x30, ciphered.CipheredContent.Length); // 21 30 <48 octets>
    }

    [Fact]
    public void Every_field_round_trips_including_long_form_lengths()
    {
        var certificate = Enumerable.Range(0, 400).Select(i => (byte)(i * 7)).ToArray();
        var aarq = new AarqApdu
        {
            ProtocolVersion = AcseProtocolVersion.Version1,
            ApplicationContextName = ApplicationContextName.ShortNameWithCiphering,
            CalledApTitle = HexText.Bytes("0102030405060708"),
            CalledAeQualifier = HexText.Bytes("AABB"),
            CalledApInvocationId = 12345,
            CalledAeInvocationId = -2,
            CallingApTitle = HexText.Bytes("4D4D4D0000BC614E"),
            CallingAeQualifier = certificate,
            CallingApInvocationId = 0,
            CallingAeInvocationId = 0x12345678,
            SenderAcseRequirements = AcseRequirements.Authentication,
            MechanismName = MechanismName.HighEcdsa,
            CallingAuthenticationValue = AuthenticationValue.CharString(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()),
            ImplementationInformation = "Cosem.Sdk"u8.ToArray(),
            UserInformationApdu = new CipheredUserInformationApdu(ApduTag.DedInitiateRequest, new byte[200]),
        };
        var bytes = aarq.ToArray();
        Assert.Equal(0x60, bytes[0]);
        Assert.Equal(0x82, bytes[1]); // the AARQ is longer than 255 octets

        var decoded = AarqApdu.Decode(bytes);
        Assert.Equal(AcseProtocolVersion.Version1, decoded.ProtocolVersion);
        Assert.Equal(ApplicationContextName.ShortNameWithCiphering, decoded.ApplicationContextName);
        Assert.Equal("0102030405060708", HexText.Of(decoded.CalledApTitle));
        Assert.Equal("AABB", HexText.Of(decoded.CalledAeQualifier));
        Assert.Equal(12345, decoded.CalledApInvocationId);
        Assert.Equal(-2, decoded.CalledAeInvocationId);
        Assert.Equal("4D4D4D0000BC614E", HexText.Of(decoded.CallingApTitle));
        Assert.Equal(certificate, decoded.CallingAeQualifier!.Value.ToArray());
        Assert.Equal(0, decoded.CallingApInvocationId);
        Assert.Equal(0x12345678, decoded.CallingAeInvocationId);
        Assert.Equal(AcseRequirements.Authentication, decoded.SenderAcseRequirements);
        Assert.Equal(MechanismName.HighEcdsa, decoded.MechanismName);
        Assert.Equal(32, decoded.CallingAuthenticationValue!.Value.Length);
        Assert.Equal("Cosem.Sdk"u8.ToArray(), decoded.ImplementationInformation!.Value.ToArray());
        var ciphered = Assert.IsType<CipheredUserInformationApdu>(decoded.UserInformationApdu);
        Assert.True(ciphered.IsDedicated);
        Assert.Equal(200, ciphered.CipheredContent.Length);
        Assert.Equal(bytes, decoded.ToArray());
    }

    [Fact]
    public void Protocol_version_and_requirements_are_minimal_named_bit_strings()
    {
        var aarq = new AarqApdu
        {
            ProtocolVersion = AcseProtocolVersion.Version1,
            SenderAcseRequirements = AcseRequirements.None,
        };
        // 80 02 07 80: version1; A1 …: context; 8A 01 00: no requirement bit set.
        Assert.Equal("6012800207" + "80A109060760857405080101" + "8A0100", HexText.Of(aarq.ToArray()));
    }

    [Fact]
    public void Bit_string_authentication_values_and_raw_alternatives_round_trip()
    {
        foreach (var value in new[]
                 {
                     AuthenticationValue.BitString(new byte[] { 0xA5, 0xF0 }, 4),
                     AuthenticationValue.Raw(AuthenticationValueKind.External, HexText.Bytes("0601510401AA")),
                     AuthenticationValue.Raw(AuthenticationValueKind.Other, HexText.Bytes("0401AA")),
                 })
        {
            var aarq = new AarqApdu { MechanismName = MechanismName.High, CallingAuthenticationValue = value };
            var decoded = AarqApdu.Decode(aarq.ToArray());
            Assert.Equal(value.Kind, decoded.CallingAuthenticationValue!.Kind);
            Assert.Equal(value.UnusedBits, decoded.CallingAuthenticationValue.UnusedBits);
            Assert.Equal(value.Value.ToArray(), decoded.CallingAuthenticationValue.Value.ToArray());
        }
    }

    [Fact]
    public void Encodes_into_a_buffer_writer_and_a_fixed_span_alike()
    {
        var aarq = AarqApdu.Decode(HexText.Bytes(CipheredAarq));
        var output = new System.Buffers.ArrayBufferWriter<byte>(1);
        aarq.Encode(output);
        Assert.Equal(CipheredAarq, HexText.Of(output.WrittenSpan));

        var span = new byte[aarq.GetEncodedLength()];
        var writer = new Cosem.Sdk.Axdr.AxdrWriter(span);
        aarq.Encode(ref writer);
        Assert.Equal(CipheredAarq, HexText.Of(span));

        var tooSmall = new byte[span.Length - 1];
        Assert.Throws<CosemEncodingException>(() =>
        {
            var small = new Cosem.Sdk.Axdr.AxdrWriter(tooSmall);
            aarq.Encode(ref small);
        });
    }

    [Fact]
    public void Missing_application_context_name_is_an_error()
    {
        var error = Assert.Throws<CosemEncodingException>(() => AarqApdu.Decode(HexText.Bytes("6000")));
        Assert.Equal("application-context-name", error.Field);
    }

    [Fact]
    public void A_repeated_field_is_an_error()
    {
        var error = Assert.Throws<CosemEncodingException>(() =>
            AarqApdu.Decode(HexText.Bytes("6016A109060760857405080101A109060760857405080101")));
        Assert.Equal(13, error.Offset);
    }

    [Fact]
    public void Unknown_fields_are_skipped()
    {
        // application-context-name-list [13] and an [APPLICATION 5] element are ignored on decode.
        var aarq = AarqApdu.Decode(HexText.Bytes("6011A109060760857405080101AD0206004500"));
        Assert.Equal(ApplicationContextName.LogicalName, aarq.ApplicationContextName);
        Assert.Equal("600BA109060760857405080101", HexText.Of(aarq.ToArray()));
    }

    [Theory]
    [InlineData("600BA109060760857405080801", "application-context-name")] // 2.16.756.5.8.8.1: not {…8 1 x}
    [InlineData("600AA10806062A864886F70D", "application-context-name")]  // 1.2.840.113549: not DLMS
    [InlineData("6014A1090607608574050801018B0760857405080101", "mechanism-name")] // a context name where a mechanism belongs
    public void Foreign_object_identifiers_are_refused(string hex, string field)
    {
        var error = Assert.Throws<CosemEncodingException>(() => AarqApdu.Decode(HexText.Bytes(hex)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Trailing_bytes_after_the_aarq_are_an_error()
    {
        Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeAcse(HexText.Bytes(GreenBookAarq + "00")));
    }

    [Fact]
    public void User_information_with_an_unknown_apdu_is_kept_as_bytes()
    {
        var aarq = new AarqApdu { UserInformation = HexText.Bytes("C001C100080000010000FF0200") };
        Assert.Null(aarq.UserInformationApdu);
        var decoded = AarqApdu.Decode(aarq.ToArray());
        Assert.Null(decoded.UserInformationApdu);
        Assert.Equal("C001C100080000010000FF0200", HexText.Of(decoded.UserInformation));
    }
}
