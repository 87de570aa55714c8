using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Tests.Client;

/// <summary>The client session against a scripted meter: negotiation, every GET/SET/ACTION variant, errors, concurrency.</summary>
public class CosemClientTests
{
    private static readonly CosemAttributeDescriptor Energy = new(3, new ObisCode(1, 0, 1, 8, 0, 255), 2);
    private static readonly CosemMethodDescriptor Reset = new(3, new ObisCode(1, 0, 1, 8, 0, 255), 1);

    private static byte[] Encoded(uint value)
    {
        var bytes = new byte[5];
        var writer = new AxdrWriter(bytes);
        writer.WriteUInt32(value);
        return bytes;
    }

    private static byte[] OctetString(int length)
    {
        var value = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(output);
        writer.WriteOctetString(value);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    private static InvokeIdAndPriority Id(Apdu.Apdu request) => request switch
    {
        GetRequest get => get.InvokeIdAndPriority,
        SetRequest set => set.InvokeIdAndPriority,
        ActionRequest action => action.InvokeIdAndPriority,
        _ => throw new InvalidOperationException(),
    };

    private static IEnumerable<byte[]> One(Apdu.Apdu answer) => [answer.ToArray()];

    [Fact]
    public async Task Association_stores_the_negotiated_conformance_and_pdu_size_and_reads_a_value()
    {
        await using var meter = new ScriptedMeter(r => One(new GetResponseNormal(Id(r), GetDataResult.FromData(Encoded(123456)))))
        {
            Conformance = Conformance.Get | Conformance.Set | Conformance.BlockTransferWithGetOrRead,
            MaxReceivePduSize = 512,
        };
        await using var client = await meter.ConnectAsync();

        Assert.True(client.IsAssociated);
        Assert.Equal(Conformance.Get | Conformance.Set | Conformance.BlockTransferWithGetOrRead, client.NegotiatedConformance);
        Assert.Equal(512, client.ServerMaxReceivePduSize);
        Assert.Equal(123456u, await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadUInt32()));
        var aarq = Assert.IsType<AarqApdu>(ApduDecoder.Decode(meter.Requests[0]));
        Assert.Null(aarq.MechanismName);
        Assert.Equal(AssociationOptions.DefaultConformance, aarq.InitiateRequest!.ProposedConformance);
    }

    [Fact]
    public async Task Low_level_security_sends_the_password_and_a_wrong_one_is_refused_with_its_diagnostic()
    {
        await using var meter = new ScriptedMeter(_ => []) { Password = "12345678" };
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() =>
            meter.ConnectAsync(new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low("wrong") }));
        Assert.Equal(AssociationResult.RejectedPermanent, refused.Result);
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationFailure, refused.Diagnostic.ServiceUserDiagnostic);
    }

    [Fact]
    public async Task Low_level_security_with_the_right_password_associates()
    {
        await using var meter = new ScriptedMeter(_ => []) { Password = "12345678" };
        await using var client = await meter.ConnectAsync(new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low("12345678") });
        var aarq = Assert.IsType<AarqApdu>(ApduDecoder.Decode(meter.Requests[0]));
        Assert.Equal(MechanismName.Low, aarq.MechanismName);
        Assert.Equal(AcseRequirements.Authentication, aarq.SenderAcseRequirements);
    }

    [Fact]
    public async Task A_refused_attribute_raises_its_data_access_result()
    {
        await using var meter = new ScriptedMeter(r => One(new GetResponseNormal(Id(r), GetDataResult.FromAccessResult(DataAccessResult.ReadWriteDenied))));
        await using var client = await meter.ConnectAsync();
        var error = await Assert.ThrowsAsync<CosemServiceException>(() => client.GetDataAsync(Energy).AsTask());
        Assert.Equal(DataAccessResult.ReadWriteDenied, error.DataAccessResult);
        Assert.True(client.IsAssociated);
    }

    [Fact]
    public async Task A_long_answer_is_fetched_block_by_block_and_reassembled()
    {
        var value = OctetString(1000);
        await using var meter = new ScriptedMeter(r => r switch
        {
            GetRequestNormal normal => One(new GetResponseWithDataBlock(normal.InvokeIdAndPriority, DataBlockG.WithRawData(false, 1, value.AsMemory(0, 400)))),
            GetRequestNext { BlockNumber: 1 } next => One(new GetResponseWithDataBlock(next.InvokeIdAndPriority, DataBlockG.WithRawData(false, 2, value.AsMemory(400, 400)))),
            GetRequestNext { BlockNumber: 2 } next => One(new GetResponseWithDataBlock(next.InvokeIdAndPriority, DataBlockG.WithRawData(true, 3, value.AsMemory(800)))),
            _ => [],
        });
        await using var client = await meter.ConnectAsync();
        var read = await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadOctetString().ToArray());
        Assert.Equal(value[4..], read); // tag 0x09 and the length 0x82 0x03 0xE8 precede the content
        Assert.Equal(4, meter.Requests.Count); // AARQ, GET, 2 x GET-Next
    }

    [Fact]
    public async Task Over_hdlc_a_long_answer_is_segmented_by_the_link_and_reassembled()
    {
        var value = OctetString(3000);
        await using var meter = new ScriptedMeter(r => One(new GetResponseNormal(Id(r), GetDataResult.FromData(value))), hdlc: true);
        await using var client = await meter.ConnectAsync(new AssociationOptions { PhysicalAddress = 17 });
        var read = await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadOctetString().ToArray());
        Assert.Equal(value[4..], read);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task A_block_out_of_sequence_is_a_protocol_error()
    {
        var value = OctetString(100);
        await using var meter = new ScriptedMeter(r => r switch
        {
            GetRequestNormal normal => One(new GetResponseWithDataBlock(normal.InvokeIdAndPriority, DataBlockG.WithRawData(false, 1, value.AsMemory(0, 50)))),
            GetRequestNext next => One(new GetResponseWithDataBlock(next.InvokeIdAndPriority, DataBlockG.WithRawData(true, 3, value.AsMemory(50)))),
            _ => [],
        });
        await using var client = await meter.ConnectAsync();
        var error = await Assert.ThrowsAsync<CosemProtocolException>(() => client.GetDataAsync(Energy).AsTask());
        Assert.Contains("block 3", error.Message);
    }

    [Fact]
    public async Task Exception_response_and_confirmed_service_error_become_typed_exceptions()
    {
        await using var meter = new ScriptedMeter(_ => One(new ExceptionResponse(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.ServiceNotSupported)));
        await using var client = await meter.ConnectAsync();
        var exception = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(Energy).AsTask());
        Assert.Equal(ExceptionServiceError.ServiceNotSupported, exception.ServiceError);

        meter.Handler = _ => One(new ConfirmedServiceError(ConfirmedServiceKind.Read, ServiceErrorKind.Access, 1));
        var error = await Assert.ThrowsAsync<CosemConfirmedServiceErrorException>(() => client.GetDataAsync(Energy).AsTask());
        Assert.Equal(ServiceErrorKind.Access, error.Error.ErrorKind);
    }

    [Fact]
    public async Task An_answer_to_another_invoke_id_is_skipped()
    {
        await using var meter = new ScriptedMeter(r =>
        {
            var id = Id(r);
            var stale = new InvokeIdAndPriority((byte)((id.InvokeId + 7) & 0x0F), true, true);
            return [new GetResponseNormal(stale, GetDataResult.FromData(Encoded(1))).ToArray(), new GetResponseNormal(id, GetDataResult.FromData(Encoded(2))).ToArray()];
        });
        await using var client = await meter.ConnectAsync();
        Assert.Equal(2u, await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadUInt32()));
    }

    [Fact]
    public async Task No_answer_is_a_timeout_and_cancellation_is_not()
    {
        await using var meter = new ScriptedMeter(_ => []);
        // The time-out also covers the association; a second is far above a loaded machine's cold start, so only
        // the silent GET can reach it.
        await using var client = await meter.ConnectAsync(new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        var timedOut = await Assert.ThrowsAsync<CosemTimeoutException>(() => client.GetDataAsync(Energy).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(1), timedOut.Timeout);
        Assert.IsType<TimeoutException>(timedOut.InnerException); // still findable as a TimeoutException

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetDataAsync(Energy, cancel.Token).AsTask());
        Assert.IsNotType<CosemTimeoutException>(canceled);

        // A late answer to an abandoned request does not confuse the next one.
        meter.Handler = r => One(new GetResponseNormal(Id(r), GetDataResult.FromData(Encoded(7))));
        Assert.Equal(7u, await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadUInt32()));
    }

    [Fact]
    public async Task Get_many_batches_with_list_requests_within_the_limits_and_keeps_refusals_per_attribute()
    {
        await using var meter = new ScriptedMeter(r => r switch
        {
            GetRequestWithList list => One(new GetResponseWithList(list.InvokeIdAndPriority, list.AttributeDescriptors
                .Select(d => d.Descriptor.AttributeId == 5 ? GetDataResult.FromAccessResult(DataAccessResult.ObjectUndefined) : GetDataResult.FromData(Encoded((uint)d.Descriptor.AttributeId)))
                .ToArray())),
            GetRequestNormal normal => One(new GetResponseNormal(normal.InvokeIdAndPriority, GetDataResult.FromData(Encoded((uint)normal.AttributeDescriptor.AttributeId)))),
            _ => [],
        });
        await using var client = await meter.ConnectAsync(new AssociationOptions { MaxAttributesPerRequest = 3 });
        var attributes = Enumerable.Range(1, 7).Select(i => Energy with { AttributeId = (sbyte)i }).ToArray();
        var results = await client.GetManyAsync(attributes);

        Assert.Equal(7, results.Count);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(attributes[i], results[i].Attribute);
            if (i == 4)
            {
                Assert.Equal(DataAccessResult.ObjectUndefined, results[i].Result);
                Assert.Throws<CosemServiceException>(() => results[i].Value);
            }
            else
            {
                Assert.Equal((ulong)(i + 1), results[i].Value.AsUInt64());
            }
        }
        var requests = meter.Requests.Skip(1).Select(b => ApduDecoder.Decode(b)).ToArray();
        Assert.Collection(requests,
            r => Assert.Equal(3, Assert.IsType<GetRequestWithList>(r).AttributeDescriptors.Count),
            r => Assert.Equal(3, Assert.IsType<GetRequestWithList>(r).AttributeDescriptors.Count),
            r => Assert.IsType<GetRequestNormal>(r));
    }

    [Fact]
    public async Task Get_many_without_multiple_references_sends_one_request_per_attribute()
    {
        await using var meter = new ScriptedMeter(r => One(new GetResponseNormal(Id(r), GetDataResult.FromData(Encoded(9)))))
        {
            Conformance = Conformance.Get,
        };
        await using var client = await meter.ConnectAsync();
        var results = await client.GetManyAsync([Energy, Energy with { AttributeId = 3 }]);
        Assert.All(results, r => Assert.Equal(9ul, r.Value.AsUInt64()));
        Assert.All(meter.Requests.Skip(1), b => Assert.IsType<GetRequestNormal>(ApduDecoder.Decode(b)));
    }

    [Fact]
    public async Task A_value_longer_than_the_meters_pdu_is_written_in_blocks_that_each_fit()
    {
        var written = new System.Buffers.ArrayBufferWriter<byte>();
        await using var meter = new ScriptedMeter(r =>
        {
            switch (r)
            {
                case SetRequestWithFirstDataBlock first:
                    written.Write(first.DataBlock.RawData.Span);
                    return One(new SetResponseDataBlock(first.InvokeIdAndPriority, first.DataBlock.BlockNumber));
                case SetRequestWithDataBlock { DataBlock.LastBlock: false } block:
                    written.Write(block.DataBlock.RawData.Span);
                    return One(new SetResponseDataBlock(block.InvokeIdAndPriority, block.DataBlock.BlockNumber));
                case SetRequestWithDataBlock last:
                    written.Write(last.DataBlock.RawData.Span);
                    return One(new SetResponseLastDataBlock(last.InvokeIdAndPriority, DataAccessResult.Success, last.DataBlock.BlockNumber));
                default:
                    return [];
            }
        })
        { MaxReceivePduSize = 64 };
        await using var client = await meter.ConnectAsync();
        var value = OctetString(300);
        await client.SetAsync(Energy, value, (ref AxdrWriter w, byte[] v) => w.WriteEncoded(v));

        Assert.Equal(value, written.WrittenSpan.ToArray());
        Assert.All(meter.Requests.Skip(1), b => Assert.InRange(b.Length, 1, 64));
        Assert.Equal(7, meter.Requests.Count);
    }

    [Fact]
    public async Task A_value_too_long_without_block_transfer_is_refused_before_sending()
    {
        await using var meter = new ScriptedMeter(_ => []) { MaxReceivePduSize = 64, Conformance = Conformance.Get | Conformance.Set };
        await using var client = await meter.ConnectAsync();
        await Assert.ThrowsAsync<CosemProtocolException>(() =>
            client.SetAsync(Energy, OctetString(300), (ref AxdrWriter w, byte[] v) => w.WriteEncoded(v)).AsTask());
        Assert.Single(meter.Requests);
    }

    [Fact]
    public async Task Action_sends_long_parameters_in_pblocks_and_fetches_a_long_return()
    {
        var parameters = new System.Buffers.ArrayBufferWriter<byte>();
        var result = OctetString(150);
        await using var meter = new ScriptedMeter(r =>
        {
            switch (r)
            {
                case ActionRequestWithFirstPBlock first:
                    parameters.Write(first.PBlock.RawData.Span);
                    return One(new ActionResponseNextPBlock(first.InvokeIdAndPriority, first.PBlock.BlockNumber));
                case ActionRequestWithPBlock { PBlock.LastBlock: false } block:
                    parameters.Write(block.PBlock.RawData.Span);
                    return One(new ActionResponseNextPBlock(block.InvokeIdAndPriority, block.PBlock.BlockNumber));
                case ActionRequestWithPBlock last:
                    parameters.Write(last.PBlock.RawData.Span);
                    return One(new ActionResponseWithPBlock(last.InvokeIdAndPriority, new DataBlockSA(false, 1, result.AsMemory(0, 40))));
                case ActionRequestNextPBlock { BlockNumber: var n } next:
                    var end = Math.Min(result.Length, (int)(n + 1) * 40);
                    return One(new ActionResponseWithPBlock(next.InvokeIdAndPriority, new DataBlockSA(end == result.Length, n + 1, result.AsMemory((int)n * 40, end - (int)n * 40))));
                default:
                    return [];
            }
        })
        { MaxReceivePduSize = 64 };
        await using var client = await meter.ConnectAsync();
        var parameter = OctetString(200);
        var returned = await client.InvokeAsync(Reset, parameter, (ref AxdrWriter w, byte[] v) => w.WriteEncoded(v), (ref AxdrReader r) => r.ReadOctetString().ToArray());

        Assert.Equal(parameter, parameters.WrittenSpan.ToArray());
        Assert.Equal(result[3..], returned); // tag 0x09 and the length 0x81 0x96
        Assert.All(meter.Requests.Skip(1), b => Assert.InRange(b.Length, 1, 64));
    }

    [Fact]
    public async Task A_failed_action_raises_its_action_result()
    {
        await using var meter = new ScriptedMeter(r => One(new ActionResponseNormal(Id(r), new ActionResponseWithOptionalData(ActionResult.TemporaryFailure))));
        await using var client = await meter.ConnectAsync();
        var error = await Assert.ThrowsAsync<CosemServiceException>(() => client.InvokeAsync(Reset, (sbyte)0, (ref AxdrWriter w, sbyte v) => w.WriteInt8(v)).AsTask());
        Assert.Equal(ActionResult.TemporaryFailure, error.ActionResult);
    }

    [Fact]
    public async Task Services_the_meter_did_not_grant_are_never_sent()
    {
        await using var meter = new ScriptedMeter(_ => []) { Conformance = Conformance.Get };
        await using var client = await meter.ConnectAsync();
        await Assert.ThrowsAsync<CosemProtocolException>(() =>
            client.GetAsync(Energy, new SelectiveAccessDescriptor(2, new byte[] { 0 }), CosemData.Decode).AsTask());
        await Assert.ThrowsAsync<CosemProtocolException>(() => client.SetDataAsync(Energy, CosemData.FromUInt32(1)).AsTask());
        await Assert.ThrowsAsync<CosemProtocolException>(() => client.InvokeDataAsync(Reset, CosemData.FromInt8(0)).AsTask());
        Assert.Single(meter.Requests);
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_answer()
    {
        await using var meter = new ScriptedMeter(r =>
        {
            var get = Assert.IsType<GetRequestNormal>(r);
            return One(new GetResponseNormal(get.InvokeIdAndPriority, GetDataResult.FromData(Encoded((uint)get.AttributeDescriptor.AttributeId))));
        });
        await using var client = await meter.ConnectAsync();
        var reads = Enumerable.Range(1, 40).Select(async i =>
            (i, await client.GetAsync(Energy with { AttributeId = (sbyte)(i % 100) }, (ref AxdrReader r) => r.ReadUInt32()))).ToArray();
        foreach (var (i, value) in await Task.WhenAll(reads))
        {
            Assert.Equal((uint)i, value);
        }
        var invokeIds = meter.Requests.Skip(1).Select(b => b[2] & 0x0F).ToArray();
        Assert.Equal(16, invokeIds.Distinct().Count());
    }

    [Fact]
    public async Task Release_sends_rlrq_and_ends_the_association_and_dispose_is_idempotent()
    {
        await using var meter = new ScriptedMeter(_ => []);
        var client = await meter.ConnectAsync();
        await client.ReleaseAsync();
        Assert.False(client.IsAssociated);
        Assert.IsType<RlrqApdu>(ApduDecoder.Decode(meter.Requests[^1]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetDataAsync(Energy).AsTask());
        await client.DisposeAsync();
        await client.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetDataAsync(Energy).AsTask());
    }

    [Fact]
    public async Task Dispose_never_throws_when_the_meter_is_gone()
    {
        var meter = new ScriptedMeter(_ => []);
        var client = await meter.ConnectAsync(new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        await meter.DisposeAsync();
        await client.DisposeAsync();
        Assert.False(client.IsAssociated);
    }
}
