using Cosem.Sdk.Apdu;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Server;

public sealed class AssociationTests
{
    // DLMS UA Green Book, "Encoding of the AARQ" / "Encoding of the AARE" examples (LN referencing, no security;
    // the same vectors in u9n/dlms-cosem tests/test_asce): the server there supports conformance 00 50 1F and
    // receives at most 500 (0x01F4) bytes.
    private const string GreenBookAarq = "601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0";
    private const string GreenBookAare = "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007";

    // LLS with password "12345678": u9n/dlms-cosem tests/test_asce/test_aarq.py, EnergyICT AssociationControlServiceElementTest.
    private const string LowLevelAarq = "6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738BE10040E01000000065F1F0400007E1F04B0";

    [Fact]
    public async Task GreenBookAarqGetsTheGreenBookAareByteForByte()
    {
        await using var harness = new ServerHarness(new CosemServerOptions
        {
            SupportedConformance = (Conformance)0x00501F,
            MaxReceivePduSize = 500,
        });
        await using var client = await harness.ConnectAsync(client: 16);

        var answer = await client.RequestAsync(GreenBookAarq);

        Assert.Equal(GreenBookAare, Convert.ToHexString(answer));
    }

    [Fact]
    public async Task LowLevelSecurityWithTheRightPasswordIsAccepted()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 1);

        var aare = Assert.IsType<AareApdu>(ApduDecoder.Decode(await client.RequestAsync(LowLevelAarq)));

        Assert.Equal(AssociationResult.Accepted, aare.Result);
        Assert.Equal(AcseServiceUserDiagnostic.Null, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
        var initiate = Assert.IsType<InitiateResponse>(aare.InitiateResponse);
        Assert.Equal(InitiateResponse.VaaNameLogicalName, initiate.VaaName);
        // Proposed 00 7E 1F ∩ the default offer: no priority management, attribute 0 or event notification, and no
        // ACCESS or general block transfer (offered, but not proposed).
        Assert.Equal(CosemServerOptions.DefaultConformance & ~(Conformance.Access | Conformance.GeneralBlockTransfer), initiate.NegotiatedConformance);
        Assert.Equal(0xFFFF, initiate.ServerMaxReceivePduSize);
    }

    [Theory]
    [InlineData("87654321")]
    [InlineData("1234567")]
    [InlineData("")]
    public async Task AWrongPasswordIsAnAuthenticationFailure(string password)
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 1);

        var aare = await client.AssociateAsync(ServerHarness.Aarq(password));

        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationFailure, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Null(aare.UserInformation); // an ACSE refusal carries no InitiateResponse
        // Refused: every service stays closed.
        var get = await client.RequestAsync("C001C100010000600100FF0200");
        Assert.Equal("D80101", Convert.ToHexString(get));
    }

    [Fact]
    public async Task AClientWithoutMechanismWhereLlsIsRequiredIsToldTheMechanismIsRequired()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 1);

        var aare = await client.AssociateAsync(ServerHarness.Aarq());

        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationMechanismNameRequired, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
    }

    [Fact]
    public async Task AnUnexpectedMechanismIsNotRecognised()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);

        var aare = await client.AssociateAsync(ServerHarness.Aarq("secret"));

        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognized, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
    }

    [Fact]
    public async Task AnUnknownClientAddressIsRejected()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 99);

        var aare = await client.AssociateAsync(ServerHarness.Aarq());

        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);
        Assert.Equal(AcseServiceUserDiagnostic.NoReasonGiven, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
    }

    [Theory]
    [InlineData(ApplicationContextName.ShortName)]
    [InlineData(ApplicationContextName.LogicalNameWithCiphering)]
    public async Task AnUnsupportedApplicationContextIsRejected(ApplicationContextName context)
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);

        var aare = await client.AssociateAsync(ServerHarness.Aarq(context: context));

        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);
        Assert.Equal(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Equal(ApplicationContextName.LogicalName, aare.ApplicationContextName);
        Assert.Null(aare.UserInformation);
    }

    [Fact]
    public async Task AnOldDlmsVersionIsAnInitiateError()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);

        var aare = await client.AssociateAsync(ServerHarness.Aarq(dlmsVersion: 5));

        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);
        var error = Assert.IsType<ConfirmedServiceError>(aare.ConfirmedServiceError);
        Assert.Equal(InitiateError.DlmsVersionTooLow, error.InitiateError);
    }

    [Fact]
    public async Task ATooSmallClientPduIsAnInitiateError()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);

        var aare = await client.AssociateAsync(ServerHarness.Aarq(maxPdu: 11));

        Assert.Equal(InitiateError.PduSizeTooShort, aare.ConfirmedServiceError?.InitiateError);
    }

    [Fact]
    public async Task NoCommonServiceIsIncompatibleConformance()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);

        var aare = await client.AssociateAsync(ServerHarness.Aarq(conformance: Conformance.Read | Conformance.Write));

        Assert.Equal(InitiateError.IncompatibleConformance, aare.ConfirmedServiceError?.InitiateError);
    }

    [Fact]
    public async Task ServicesBeforeAnAssociationAreNotAllowed()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);

        // exception-response: state-error service-not-allowed (1), service-error operation-not-possible (1).
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync("C001C100010000600100FF0200")));
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync("C101C100010000600100FF02001101")));
    }

    [Fact]
    public async Task ReleaseEndsTheAssociation()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);
        await client.AssociateAsync(ServerHarness.Aarq());
        Assert.Equal("C401C100112A", Convert.ToHexString(await client.RequestAsync("C001C100010000600100FF0200")));

        var rlre = Assert.IsType<RlreApdu>(ApduDecoder.Decode(await client.RequestAsync(new RlrqApdu { Reason = ReleaseRequestReason.Normal }.ToArray())));

        Assert.Equal(ReleaseResponseReason.Normal, rlre.Reason);
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync("C001C100010000600100FF0200")));
    }

    [Fact]
    public async Task AMalformedAarqIsRejectedAndTheConnectionStaysUsable()
    {
        await using var harness = new ServerHarness();
        await using var client = await harness.ConnectAsync(client: 16);

        var aare = await client.AssociateAsync(Convert.FromHexString("601DA109060760857405080101BE10040E01000000065F1F04"));
        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);

        var accepted = await client.AssociateAsync(ServerHarness.Aarq());
        Assert.Equal(AssociationResult.Accepted, accepted.Result);
    }
}
