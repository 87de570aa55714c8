using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using static Cosem.Sdk.Tests.EndToEnd.AccessEndToEndTests;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// ACCESS refused and broken: not negotiated (the client refuses locally; the server refuses what is sent anyway),
/// bad requests refused with a typed EXCEPTION-Response while the session survives, an answer too long for the
/// client, and answers that do not match the request (typed protocol errors on the client).
/// </summary>
public class AccessFailureTests
{
    private static byte[] Request(int items, int? data = null, bool truncate = false)
    {
        var specifications = Enumerable.Repeat(AccessRequestSpecification.Get(ClockTime), items).ToArray();
        var values = Enumerable.Repeat<ReadOnlyMemory<byte>>(new byte[] { 0 }, data ?? items).ToArray();
        var bytes = new AccessRequest(new LongInvokeIdAndPriority(1, confirmed: true, highPriority: true), ReadOnlyMemory<byte>.Empty, specifications, values).ToArray();
        return truncate ? bytes[..^4] : bytes;
    }

    [Theory]
    [MemberData(nameof(Transports), MemberType = typeof(AccessEndToEndTests))]
    public async Task Without_the_access_bit_the_client_refuses_before_sending(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(LoopbackMeter.Password) });
        var sent = channel!.Sent.Count;

        var refused = await Assert.ThrowsAsync<CosemProtocolException>(() => client.AccessAsync([CosemAccessItem.Get(ClockTime)]).AsTask());

        Assert.Contains("Access", refused.Message);
        Assert.Equal(sent, channel.Sent.Count);
        Assert.True((await client.GetManyAsync([ClockTime]))[0].IsSuccess);
    }

    [Theory]
    [MemberData(nameof(Transports), MemberType = typeof(AccessEndToEndTests))]
    public async Task The_server_refuses_access_it_did_not_negotiate(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(LoopbackMeter.Password) });
        channel!.ReplaceNextSent = Request(1);

        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());

        Assert.Equal(ExceptionServiceError.ServiceNotSupported, refused.ServiceError);
        Assert.Equal(LoopbackMeter.Now, (await client.GetDataAsync(ClockTime)).AsDateTime().ToDateTimeOffset());
    }

    public static TheoryData<string, ExceptionServiceError> BadRequests => new()
    {
        { "truncated", ExceptionServiceError.OtherReason },
        { "no items", ExceptionServiceError.OtherReason },
        { "too many items", ExceptionServiceError.OperationNotPossible },
        { "fewer data than items", ExceptionServiceError.OtherReason },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_and_the_session_survives(string kind, ExceptionServiceError expected)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc: false), c => channel = c),
            new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(LoopbackMeter.Password), ProposedConformance = WithAccess });
        channel!.ReplaceNextSent = kind switch
        {
            "truncated" => Request(3, truncate: true),
            "no items" => Request(0),
            "too many items" => Request(65), // the server serves at most 64
            _ => Request(3, data: 2),
        };

        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());

        Assert.Equal(ExceptionStateError.ServiceNotAllowed, refused.StateError);
        Assert.Equal(expected, refused.ServiceError);
        var results = await client.AccessAsync(Enumerable.Repeat(CosemAccessItem.Get(ClockTime), 64).ToArray());
        Assert.All(results, r => Assert.True(r.IsSuccess));
    }

    [Fact]
    public async Task An_answer_longer_than_the_client_accepts_is_refused_as_pdu_too_long()
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectManagementAsync(hdlc: false, WithAccess, maxPdu: 256);

        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() =>
            client.AccessAsync([CosemAccessItem.Get(new CosemAttributeDescriptor(7, LoopbackMeter.ProfileName, 2))]).AsTask());

        Assert.Equal(ExceptionServiceError.PduTooLong, refused.ServiceError);
        Assert.True((await client.AccessAsync([CosemAccessItem.Get(ClockTime)]))[0].IsSuccess);
    }

    public static TheoryData<string> Mismatches => new() { "invoke-id", "fewer results", "result kind", "echo" };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task An_answer_that_does_not_match_the_request_is_a_protocol_error(string mismatch)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc: false), c => channel = c),
            new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(LoopbackMeter.Password), ProposedConformance = WithAccess });
        channel!.RewriteNextReceived = bytes =>
        {
            var r = Assert.IsType<AccessResponse>(ApduDecoder.Decode(bytes));
            return (mismatch switch
            {
                "invoke-id" => new AccessResponse(new LongInvokeIdAndPriority(r.LongInvokeIdAndPriority.Value + 1), r.DateTime, null, r.Data, r.Results),
                "fewer results" => new AccessResponse(r.LongInvokeIdAndPriority, r.DateTime, null, r.Data.Take(1).ToArray(), r.Results.Take(1).ToArray()),
                "result kind" => new AccessResponse(r.LongInvokeIdAndPriority, r.DateTime, null, r.Data,
                    [r.Results[0], AccessResponseSpecification.Set(DataAccessResult.Success)]),
                _ => new AccessResponse(r.LongInvokeIdAndPriority, r.DateTime, [AccessRequestSpecification.Get(Undefined), r.RequestSpecifications![1]], r.Data, r.Results),
            }).ToArray();
        };

        await Assert.ThrowsAsync<CosemProtocolException>(() =>
            client.AccessAsync([CosemAccessItem.Get(ClockTime), CosemAccessItem.Action(Echo)], selfDescriptive: true).AsTask());

        Assert.Equal(2, (await client.AccessAsync([CosemAccessItem.Get(ClockTime), CosemAccessItem.Action(Echo)])).Count);
    }
}
