using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Codec.Tests.Acse;

public class AareApduTests
{
    // DLMS UA Green Book, "Encoding of the AARE" example: LN referencing, no security, accepted
    // (also u9n/dlms-cosem tests/test_asce/test_aare.py and the EnergyICT AssociationControlServiceElementTest).
    private const string GreenBookAare = "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007";

    // Rejected-permanent, application-context-name-not-supported: u9n/dlms-cosem test_aare.py.
    private const string ContextRejectedAare = "6129A109060760857405080101A203020101A305A103020102BE10040E0800065F1F040000501F01F40007";

    // Rejected with ConfirmedServiceError initiateError / initiate / dlms-version-too-low: u9n/dlms-cosem test_aare.py.
    private const string VersionTooLowAare = "611FA109060760857405080101A203020101A305A103020101BE0604040E010601";

    // HLS GMAC accepted pending authentication, StoC "P6wRJ21F": u9n/dlms-cosem test_aare.py (test_no_ciher_hls_ok).
    private const string HighLevelAare = "6142A109060760857405080101A203020100A305A10302010E88020780890760857405080205AA0A8008503677524A323146BE10040E0800065F1F040000501F01F40007";

    // Ciphered, responding-AP-title 4C475A2022604828, glo-initiate-response: gosem (circutor-library/gosem) dlmsclient tests.
    private const string CipheredAare = "6148A109060760857405080103A203020100A305A103020100A40A04084C475A2022604828BE230421281F300000005AE916783AF33B5317AD0E453A799A65F26AE97660CF8B14FEB7B0";

    // Ciphered, rejected with a glo-confirmedServiceError (wrong keys): gosem dlmsclient tests (TestClient_AssociationWithWrongKeys).
    private const string CipheredErrorAare = "613EA109060760857405080103A203020101A305A103020101A40A04084B464D3434383831BE1904172E153000000027AB078E5DA8EECF61040812F75CB5B5EA";

    // Authentication failure without user-information: gosem dlmsclient tests (TestClient_InvalidPasswordLGZ).
    private const string NoUserInformationAare = "6117A109060760857405080101A203020101A305A10302010D";

    // Accepted, negotiated-quality-of-service present (0x12): EnergyICT AssociationControlServiceElementTest (responseWithQOS).
    private const string QualityOfServiceAare = "612AA109060760857405080101A203020100A305A103020100BE11040F080112065F1F0400007C1F04000007";

    [Theory]
    [InlineData(GreenBookAare)]
    [InlineData(ContextRejectedAare)]
    [InlineData(VersionTooLowAare)]
    [InlineData(HighLevelAare)]
    [InlineData(CipheredAare)]
    [InlineData(CipheredErrorAare)]
    [InlineData(NoUserInformationAare)]
    [InlineData(QualityOfServiceAare)]
    public void Published_vectors_decode_and_reencode_byte_for_byte(string hex)
    {
        var aare = Assert.IsType<AareApdu>(ApduDecoder.DecodeAcse(HexText.Bytes(hex)));
        Assert.Equal(hex, HexText.Of(aare.ToArray()));
    }

    [Fact]
    public void Green_book_aare_fields()
    {
        var aare = AareApdu.Decode(HexText.Bytes(GreenBookAare));
        Assert.Equal(ApplicationContextName.LogicalName, aare.ApplicationContextName);
        Assert.Equal(AssociationResult.Accepted, aare.Result);
        Assert.Equal(AcseDiagnosticSource.ServiceUser, aare.ResultSourceDiagnostic.Source);
        Assert.Equal(AcseServiceUserDiagnostic.Null, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Null(aare.ResultSourceDiagnostic.ServiceProviderDiagnostic);
        var initiate = Assert.IsType<InitiateResponse>(aare.InitiateResponse);
        Assert.Null(initiate.NegotiatedQualityOfService);
        Assert.Equal(6, initiate.NegotiatedDlmsVersionNumber);
        Assert.Equal(
            Conformance.PriorityManagementSupported | Conformance.BlockTransferWithGetOrRead | Conformance.Get | Conformance.Set
            | Conformance.SelectiveAccess | Conformance.EventNotification | Conformance.Action,
            initiate.NegotiatedConformance);
        Assert.Equal(500, initiate.ServerMaxReceivePduSize);
        Assert.Equal(InitiateResponse.VaaNameLogicalName, initiate.VaaName);
    }

    [Fact]
    public void Green_book_aare_is_built_from_typed_fields()
    {
        var aare = new AareApdu
        {
            Result = AssociationResult.Accepted,
            ResultSourceDiagnostic = ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.Null),
            UserInformationApdu = new InitiateResponse { NegotiatedConformance = (Conformance)0x00501F, ServerMaxReceivePduSize = 500 },
        };
        Assert.Equal(GreenBookAare, HexText.Of(aare.ToArray()));
    }

    [Fact]
    public void Rejection_with_confirmed_service_error()
    {
        var aare = AareApdu.Decode(HexText.Bytes(VersionTooLowAare));
        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);
        Assert.Equal(AcseServiceUserDiagnostic.NoReasonGiven, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
        var error = Assert.IsType<ConfirmedServiceError>(aare.ConfirmedServiceError);
        Assert.Equal(ConfirmedServiceKind.InitiateError, error.Service);
        Assert.Equal(ServiceErrorKind.Initiate, error.ErrorKind);
        Assert.Equal(InitiateError.DlmsVersionTooLow, error.InitiateError);
        Assert.Null(error.AccessError);

        var built = new AareApdu
        {
            Result = AssociationResult.RejectedPermanent,
            ResultSourceDiagnostic = ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven),
            UserInformationApdu = ConfirmedServiceError.Initiate(InitiateError.DlmsVersionTooLow),
        };
        Assert.Equal(VersionTooLowAare, HexText.Of(built.ToArray()));
    }

    [Fact]
    public void High_level_security_aare_fields()
    {
        var aare = AareApdu.Decode(HexText.Bytes(HighLevelAare));
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationRequired, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Equal(AcseRequirements.Authentication, aare.ResponderAcseRequirements);
        Assert.Equal(MechanismName.HighGmac, aare.MechanismName);
        Assert.Equal("P6wRJ21F"u8.ToArray(), aare.RespondingAuthenticationValue!.Value.ToArray());
    }

    [Fact]
    public void Ciphered_aare_fields()
    {
        var aare = AareApdu.Decode(HexText.Bytes(CipheredAare));
        Assert.Equal(ApplicationContextName.LogicalNameWithCiphering, aare.ApplicationContextName);
        Assert.Equal("4C475A2022604828", HexText.Of(aare.RespondingApTitle));
        Assert.Equal(ApduTag.GloInitiateResponse, aare.CipheredUserInformation!.Tag);
        Assert.Null(aare.InitiateResponse);

        var rejected = AareApdu.Decode(HexText.Bytes(CipheredErrorAare));
        Assert.Equal(ApduTag.GloConfirmedServiceError, rejected.CipheredUserInformation!.Tag);
    }

    [Fact]
    public void Negotiated_quality_of_service_is_read()
    {
        var aare = AareApdu.Decode(HexText.Bytes(QualityOfServiceAare));
        Assert.Equal((sbyte)0x12, aare.InitiateResponse!.NegotiatedQualityOfService);
        Assert.Equal((Conformance)0x7C1F, aare.InitiateResponse.NegotiatedConformance);
        Assert.Equal(0x0400, aare.InitiateResponse.ServerMaxReceivePduSize);
    }

    [Fact]
    public void Fields_out_of_order_are_accepted_and_reencoded_in_order()
    {
        // The HLS AARE above with responding-AP-title [4] moved after the authentication value, as some meters send it.
        const string outOfOrder = "614EA109060760857405080101A203020100A305A10302010E88020780890760857405080205AA0A8008503677524A323146A40A04084953453039333033BE10040E0800065F1F040000501F01F40007";
        var aare = AareApdu.Decode(HexText.Bytes(outOfOrder));
        Assert.Equal("4953453039333033", HexText.Of(aare.RespondingApTitle));
        Assert.Equal(
            "614EA109060760857405080101A203020100A305A10302010EA40A04084953453039333033" +
            "88020780890760857405080205AA0A8008503677524A323146BE10040E0800065F1F040000501F01F40007",
            HexText.Of(aare.ToArray()));
    }

    [Fact]
    public void Every_field_round_trips()
    {
        var aare = new AareApdu
        {
            ProtocolVersion = AcseProtocolVersion.Version1,
            ApplicationContextName = ApplicationContextName.ShortName,
            Result = AssociationResult.RejectedTransient,
            ResultSourceDiagnostic = ResultSourceDiagnostic.ServiceProvider(AcseServiceProviderDiagnostic.NoCommonAcseVersion),
            RespondingApTitle = HexText.Bytes("4D4D4D0000000001"),
            RespondingAeQualifier = new byte[150],
            RespondingApInvocationId = 7,
            RespondingAeInvocationId = 300,
            ResponderAcseRequirements = AcseRequirements.Authentication,
            MechanismName = MechanismName.HighSha256,
            RespondingAuthenticationValue = AuthenticationValue.CharString(new byte[16]),
            ImplementationInformation = "meter 1.0"u8.ToArray(),
            UserInformationApdu = new InitiateResponse
            {
                NegotiatedQualityOfService = -1,
                NegotiatedDlmsVersionNumber = 6,
                NegotiatedConformance = Conformance.GeneralProtection | Conformance.Read | Conformance.Write,
                ServerMaxReceivePduSize = 0xFFFF,
                VaaName = InitiateResponse.VaaNameShortName,
            },
        };
        var bytes = aare.ToArray();
        var decoded = AareApdu.Decode(bytes);
        Assert.Equal(AcseProtocolVersion.Version1, decoded.ProtocolVersion);
        Assert.Equal(ApplicationContextName.ShortName, decoded.ApplicationContextName);
        Assert.Equal(AssociationResult.RejectedTransient, decoded.Result);
        Assert.Equal(AcseServiceProviderDiagnostic.NoCommonAcseVersion, decoded.ResultSourceDiagnostic.ServiceProviderDiagnostic);
        Assert.Equal("4D4D4D0000000001", HexText.Of(decoded.RespondingApTitle));
        Assert.Equal(150, decoded.RespondingAeQualifier!.Value.Length);
        Assert.Equal(7, decoded.RespondingApInvocationId);
        Assert.Equal(300, decoded.RespondingAeInvocationId);
        Assert.Equal(AcseRequirements.Authentication, decoded.ResponderAcseRequirements);
        Assert.Equal(MechanismName.HighSha256, decoded.MechanismName);
        Assert.Equal(16, decoded.RespondingAuthenticationValue!.Value.Length);
        Assert.Equal("meter 1.0"u8.ToArray(), decoded.ImplementationInformation!.Value.ToArray());
        var initiate = decoded.InitiateResponse!;
        Assert.Equal((sbyte)-1, initiate.NegotiatedQualityOfService);
        Assert.Equal(Conformance.GeneralProtection | Conformance.Read | Conformance.Write, initiate.NegotiatedConformance);
        Assert.Equal(0xFFFF, initiate.ServerMaxReceivePduSize);
        Assert.Equal(0xFA00, initiate.VaaName);
        Assert.Equal(bytes, decoded.ToArray());
    }

    [Theory]
    [InlineData("610CA203020100A305A103020100", "application-context-name [1]")]
    [InlineData("610BA109060760857405080101", "result [2]")]
    [InlineData("6110A109060760857405080101A203020100", "result-source-diagnostic [3]")]
    [InlineData("610EA203020100A305A103020100A300", "AARE")] // result-source-diagnostic twice
    public void Missing_or_repeated_mandatory_fields_are_errors(string hex, string field)
    {
        var error = Assert.Throws<CosemEncodingException>(() => AareApdu.Decode(HexText.Bytes(hex)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_unknown_diagnostic_alternative_is_an_error()
    {
        var error = Assert.Throws<CosemEncodingException>(() =>
            AareApdu.Decode(HexText.Bytes("6117A109060760857405080101A203020100A305A303020100")));
        Assert.Equal("result-source-diagnostic", error.Field);
    }

    [Fact]
    public void A_default_diagnostic_cannot_be_encoded()
    {
        var aare = new AareApdu { ResultSourceDiagnostic = default };
        Assert.Throws<CosemEncodingException>(() => aare.ToArray());
    }

    [Fact]
    public void A_null_user_information_apdu_leaves_user_information_out()
    {
        // The form a server sends when the ACSE refuses the association (no xDLMS context to report).
        var aare = new AareApdu
        {
            Result = AssociationResult.RejectedPermanent,
            ResultSourceDiagnostic = ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.AuthenticationFailure),
            UserInformationApdu = null,
        };

        Assert.Null(aare.UserInformation);
        Assert.Equal(NoUserInformationAare, Convert.ToHexString(aare.ToArray()));
    }
}
