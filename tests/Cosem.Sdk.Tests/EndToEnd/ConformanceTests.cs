using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Tests.Server;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// Association and idle-state behaviour as the DLMS UA conformance test plans check it, with raw APDUs over the
/// wrapper and HDLC (issue 12 item 3).
/// </summary>
public sealed class ConformanceTests
{
    // The Green Book AARQ's user-information (InitiateRequest, conformance 00 7E 1F, max PDU 0x04B0).
    private const string UserInformation = "BE10040E01000000065F1F0400007E1F04B0";
    private const string GetClockTime = "C001C100080000010000FF0200";

    public static TheoryData<bool> Transports => new() { false, true };

    /// <summary>application-context-name fields no server of ours supports: [1] and its contents, in hex.</summary>
    public static TheoryData<bool, string> UnsupportedContexts()
    {
        var data = new TheoryData<bool, string>();
        foreach (var hdlc in new[] { false, true })
        {
            data.Add(hdlc, "A109060760857405080102"); // SN referencing (not offered)
            data.Add(hdlc, "A109060760857405080104"); // SN referencing with ciphering
            data.Add(hdlc, "A109060760857405080109"); // a DLMS UA context id that does not exist
            data.Add(hdlc, "A109060760857405080201"); // a mechanism name where a context name belongs
            data.Add(hdlc, "A10506032A0304");         // an OID outside the DLMS UA arc (1.2.3.4)
            data.Add(hdlc, "A103020101");             // an INTEGER where the OBJECT IDENTIFIER belongs
            data.Add(hdlc, "A1030601FF");             // an OBJECT IDENTIFIER that does not decode
            data.Add(hdlc, "");                       // no application-context-name at all
        }
        return data;
    }

    private static string Aarq(string contextField)
    {
        var body = contextField + UserInformation;
        return $"60{body.Length / 2:X2}{body}";
    }

    [Theory]
    [MemberData(nameof(UnsupportedContexts))]
    public async Task An_unsupported_or_malformed_context_name_is_application_context_name_not_supported(bool hdlc, string contextField)
    {
        await using var meter = await LoopbackMeter.StartAsync(profileRows: 1);
        await using var client = await meter.ConnectRawAsync(hdlc, client: 16);

        var aare = await client.AssociateAsync(Convert.FromHexString(Aarq(contextField)));

        Assert.Equal(AssociationResult.RejectedPermanent, aare.Result);
        Assert.Equal(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported, aare.ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Null(aare.UserInformation); // an ACSE refusal: no xDLMS context, no InitiateResponse
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync(GetClockTime)));
        // The supported context on the same connection is still accepted.
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(Convert.FromHexString(Aarq("A109060760857405080101")))).Result);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Logical_name_through_the_alias_is_the_alias_and_through_the_own_name_the_own_name(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync(profileRows: 1);
        await using var client = await meter.ConnectRawAsync(hdlc, client: 16);
        await client.AssociateAsync(ServerHarness.Aarq(conformance: (Conformance)0x007E1F | Conformance.Access));

        // GET normal.
        Assert.Equal("C401C10009060000280000FF", Convert.ToHexString(await client.RequestAsync("C001C1000F0000280000FF0100")));
        Assert.Equal("C401C10009060000280001FF", Convert.ToHexString(await client.RequestAsync("C001C1000F0000280001FF0100")));
        // GET with-list: both names in one request.
        Assert.Equal("C403C1020009060000280000FF0009060000280001FF",
            Convert.ToHexString(await client.RequestAsync("C003C102000F0000280000FF0100000F0000280001FF0100")));
        // ACCESS: the same rule, since it reads through the GET path.
        var access = await client.RequestAsync<AccessResponse>(new AccessRequest(new LongInvokeIdAndPriority(1, confirmed: true, highPriority: true),
            ReadOnlyMemory<byte>.Empty,
            [
                AccessRequestSpecification.Get(new CosemAttributeDescriptor(15, RequestContextNames.CurrentAssociation, 1)),
                AccessRequestSpecification.Get(new CosemAttributeDescriptor(15, RequestContextNames.Public, 1)),
            ],
            [new byte[] { 0 }, new byte[] { 0 }]));
        Assert.Equal("09060000280000FF", Convert.ToHexString(access.Data[0].Span));
        Assert.Equal("09060000280001FF", Convert.ToHexString(access.Data[1].Span));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Outside_an_association_a_confirmed_request_is_refused_an_unconfirmed_one_is_discarded_and_release_answers(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync(profileRows: 1);
        await using var client = await meter.ConnectRawAsync(hdlc, client: 1);

        // Confirmed GET, SET and ACTION: exception-response service-not-allowed / operation-not-possible.
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync(GetClockTime)));
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync("C101C100080000010000FF0200120000")));
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync("C301C100080000010000FF0100")));
        // Unconfirmed SET (service-class 0): no answer; the next answer is the GET's.
        await client.SendAsync("C1018100080000010000FF0200120000");
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync(GetClockTime)));
        // RLRQ without an association: RLRE normal, and still nothing is open.
        var rlre = await client.RequestAsync<RlreApdu>(new RlrqApdu { Reason = ReleaseRequestReason.Normal });
        Assert.Equal(ReleaseResponseReason.Normal, rlre.Reason);
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync(GetClockTime)));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_failed_second_aarq_leaves_the_open_association_and_a_good_one_replaces_it(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync(profileRows: 1);
        await using var client = await meter.ConnectRawAsync(hdlc, client: 1);
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq(LoopbackMeter.Password))).Result);

        var refused = await client.AssociateAsync(ServerHarness.Aarq("wrong"));

        Assert.Equal(AssociationResult.RejectedPermanent, refused.Result);
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationFailure, refused.ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Null(refused.UserInformation);
        Assert.StartsWith("C401C100", Convert.ToHexString(await client.RequestAsync(GetClockTime))); // the first association serves on
        // A second AARQ that is accepted replaces the association: it serves with what it negotiated (no ACCESS now).
        var accepted = await client.AssociateAsync(ServerHarness.Aarq(LoopbackMeter.Password, conformance: Conformance.Get));
        Assert.Equal(Conformance.Get, accepted.InitiateResponse?.NegotiatedConformance);
        Assert.StartsWith("C401C100", Convert.ToHexString(await client.RequestAsync(GetClockTime)));
        Assert.Equal("D80102", Convert.ToHexString(await client.RequestAsync("C003C101000F0000280000FF0100"))); // with-list: service-not-supported
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Our_client_reports_the_diagnostic_of_a_rejected_aare_without_user_information(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync(profileRows: 1);

        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => CosemClient.ConnectAsync(meter.Transport(hdlc), new AssociationOptions
        {
            ClientAddress = 1,
            Authentication = Authentication.Low("wrong"),
            RequestTimeout = TimeSpan.FromSeconds(20),
        }));

        Assert.Equal(AssociationResult.RejectedPermanent, refused.Result);
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationFailure, refused.Diagnostic.ServiceUserDiagnostic);
        Assert.Null(refused.InitiateError);
    }

    private static class RequestContextNames
    {
        public static readonly Obis.ObisCode CurrentAssociation = new(0, 0, 40, 0, 0, 255);
        public static readonly Obis.ObisCode Public = new(0, 0, 40, 0, 1, 255);
    }
}
