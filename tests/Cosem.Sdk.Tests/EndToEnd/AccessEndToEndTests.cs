using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// The ACCESS service end to end (client AccessAsync against a real CosemServer): mixed GET/SET/ACTION items with
/// successes and failures, continue-on-error and break-on-error, self-descriptive answers, over the wrapper (TCP and
/// UDP), HDLC, and suite-0 ciphering.
/// </summary>
public class AccessEndToEndTests
{
    internal const Conformance WithAccess = AssociationOptions.DefaultConformance | Conformance.Access;
    internal static readonly CosemAttributeDescriptor ClockTime = new(8, LoopbackMeter.ClockName, 2);
    internal static readonly CosemAttributeDescriptor BlobValue = new(1, LoopbackMeter.BlobName, 2);
    internal static readonly CosemAttributeDescriptor BlobLogicalName = new(1, LoopbackMeter.BlobName, 1); // read only
    internal static readonly CosemAttributeDescriptor Undefined = new(1, new ObisCode(0, 0, 96, 99, 99, 255), 2);
    internal static readonly CosemMethodDescriptor Echo = new(1, LoopbackMeter.BlobName, 1);
    internal static readonly CosemMethodDescriptor UndefinedMethod = new(1, LoopbackMeter.BlobName, 9);

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Mixed_items_are_carried_out_in_order_with_a_result_each(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectManagementAsync(hdlc, WithAccess);

        var results = await client.AccessAsync(
        [
            CosemAccessItem.Get(ClockTime),
            CosemAccessItem.Get(Undefined),
            CosemAccessItem.Set(BlobValue, CosemData.FromUInt16(7)),
            CosemAccessItem.Set(BlobLogicalName, CosemData.OctetString(new byte[6])),
            CosemAccessItem.Action(Echo, CosemData.FromUInt32(9)),
            CosemAccessItem.Action(UndefinedMethod),
            CosemAccessItem.Get(BlobValue),
        ]);

        Assert.Equal(7, results.Count);
        Assert.Equal(LoopbackMeter.Now, results[0].Value.AsDateTime().ToDateTimeOffset());
        Assert.Equal(DataAccessResult.ObjectUndefined, results[1].DataAccessResult);
        Assert.False(results[1].HasData);
        Assert.Equal(DataAccessResult.Success, results[2].DataAccessResult);
        Assert.False(results[2].HasData);
        Assert.Equal(DataAccessResult.ReadWriteDenied, results[3].DataAccessResult);
        Assert.Equal(ActionResult.Success, results[4].ActionResult);
        Assert.Null(results[4].DataAccessResult);
        Assert.Equal(CosemData.FromUInt32(9), results[4].Value);
        Assert.Equal(ActionResult.ObjectUndefined, results[5].ActionResult);
        Assert.Equal(CosemData.FromUInt16(7), results[6].Value); // continue-on-error: the items after the failures ran
        Assert.Equal(1, meter.Blob.Invocations);
        var refused = Assert.Throws<CosemServiceException>(() => results[1].Value);
        Assert.Equal(DataAccessResult.ObjectUndefined, refused.DataAccessResult);

        Assert.Equal(LoopbackMeter.Now, (await client.GetDataAsync(ClockTime)).AsDateTime().ToDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Break_on_error_stops_at_the_first_failure(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectManagementAsync(hdlc, WithAccess);

        var results = await client.AccessAsync(
        [
            CosemAccessItem.Set(BlobValue, CosemData.FromUInt16(5)),
            CosemAccessItem.Get(Undefined),
            CosemAccessItem.Action(Echo, CosemData.FromUInt32(1)),
            CosemAccessItem.Set(BlobValue, CosemData.FromUInt16(6)),
        ], CosemAccessProcessing.BreakOnError);

        Assert.Equal(DataAccessResult.Success, results[0].DataAccessResult);
        Assert.Equal(DataAccessResult.ObjectUndefined, results[1].DataAccessResult);
        Assert.Equal(ActionResult.OtherReason, results[2].ActionResult);
        Assert.Equal(DataAccessResult.OtherReason, results[3].DataAccessResult);
        Assert.Equal(0, meter.Blob.Invocations); // not carried out
        Assert.Equal(CosemData.FromUInt16(5).ToArray(), meter.Blob.Value);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_self_descriptive_answer_repeats_the_request_descriptors(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        TamperingChannel? channel = null;
        byte[]? received = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(LoopbackMeter.Password), ProposedConformance = WithAccess });
        channel!.RewriteNextReceived = bytes => received = bytes;

        var results = await client.AccessAsync([CosemAccessItem.Get(ClockTime), CosemAccessItem.Action(Echo)], selfDescriptive: true);

        Assert.True(results[0].IsSuccess);
        Assert.Equal(ActionResult.Success, results[1].ActionResult);
        Assert.False(results[1].HasData); // the echo of null-data is no return data
        var response = Assert.IsType<AccessResponse>(ApduDecoder.Decode(received!));
        Assert.True(response.LongInvokeIdAndPriority.SelfDescriptive);
        Assert.Equal([AccessRequestKind.Get, AccessRequestKind.Action], response.RequestSpecifications!.Select(s => s.Kind));
        Assert.Equal(ClockTime, response.RequestSpecifications![0].AttributeDescriptor);
    }

    [Fact]
    public async Task Get_items_with_selective_access_read_a_profile_range()
    {
        await using var meter = await LoopbackMeter.StartAsync(profileRows: 4);
        await using var client = await meter.ConnectManagementAsync(hdlc: false, WithAccess);
        var selection = new EntrySelection(2, 3).ToDescriptor(); // rows 2..3, every column

        var results = await client.AccessAsync([CosemAccessItem.Get(new CosemAttributeDescriptor(7, LoopbackMeter.ProfileName, 2), selection)]);

        Assert.Equal(2, results[0].Value.Count);
    }

    [Fact]
    public async Task The_wrapper_over_udp_carries_an_access_request()
    {
        await using var meter = new LoopbackMeter();
        meter.Server.Listen(ServerTransport.Udp(new IPEndPoint(IPAddress.Loopback, 0)), out var udp);
        await meter.Server.StartAsync();
        await using var client = await CosemClient.ConnectAsync(ClientTransport.Udp("127.0.0.1", udp.EndPoint!.Port), new AssociationOptions
        {
            ClientAddress = 1,
            Authentication = Authentication.Low(LoopbackMeter.Password),
            ProposedConformance = WithAccess,
            RequestTimeout = TimeSpan.FromSeconds(10),
        });

        var results = await client.AccessAsync(
        [
            CosemAccessItem.Get(ClockTime),
            CosemAccessItem.Set(BlobValue, CosemData.FromUInt16(3)),
            CosemAccessItem.Action(Echo, CosemData.FromUInt16(4)),
            CosemAccessItem.Get(Undefined),
        ]);

        Assert.Equal(LoopbackMeter.Now, results[0].Value.AsDateTime().ToDateTimeOffset());
        Assert.True(results[1].IsSuccess);
        Assert.Equal(CosemData.FromUInt16(4), results[2].Value);
        Assert.Equal(DataAccessResult.ObjectUndefined, results[3].DataAccessResult);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Access_runs_under_suite_0_ciphering(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(meter.ClientSecurity(), conformance: WithAccess));

        var results = await client.AccessAsync(
        [
            CosemAccessItem.Get(new CosemAttributeDescriptor(8, SecureLoopbackMeter.ClockName, 2)),
            CosemAccessItem.Set(new CosemAttributeDescriptor(1, SecureLoopbackMeter.BlobName, 2), CosemData.FromUInt16(11)),
            CosemAccessItem.Action(new CosemMethodDescriptor(1, SecureLoopbackMeter.BlobName, 1), CosemData.FromUInt32(12)),
            CosemAccessItem.Get(Undefined),
        ]);

        Assert.Equal(SecureLoopbackMeter.Now, results[0].Value.AsDateTime().ToDateTimeOffset());
        Assert.True(results[1].IsSuccess);
        Assert.Equal(CosemData.FromUInt32(12), results[2].Value);
        Assert.Equal(DataAccessResult.ObjectUndefined, results[3].DataAccessResult);
        Assert.Equal((byte)ApduTag.GeneralGloCiphering, channel!.Sent[^1][0]); // ACCESS has no service-specific glo tag
        await meter.ExerciseAsync(client);
    }

    [Fact]
    public async Task Many_attributes_are_read_in_access_batches()
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectManagementAsync(hdlc: false, WithAccess);
        var attributes = Enumerable.Range(0, 25).Select(i => i % 5 == 4 ? Undefined : ClockTime).ToArray();

        var viaAccess = await client.AccessAsync(attributes);
        var viaGet = await client.GetManyAsync(attributes);

        Assert.Equal(viaGet.Select(r => (r.Result, r.RawData.ToArray())), viaAccess.Select(r => (r.Result, r.RawData.ToArray())));
        Assert.Equal(DataAccessResult.ObjectUndefined, viaAccess[4].Result);
    }

    [Fact]
    public async Task A_batch_too_long_for_one_access_answer_is_read_again_with_get_blocks()
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectManagementAsync(hdlc: false, WithAccess, maxPdu: 256);
        var buffer = new CosemAttributeDescriptor(7, LoopbackMeter.ProfileName, 2);

        var results = await client.AccessAsync([ClockTime, buffer]);

        Assert.Equal(LoopbackMeter.Now, results[0].Value.AsDateTime().ToDateTimeOffset());
        Assert.Equal(96, results[1].Value.Count);
    }
}
