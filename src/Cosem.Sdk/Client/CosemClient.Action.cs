using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    /// <summary>Invokes a method and ignores any return parameters.</summary>
    public async ValueTask InvokeAsync<TParameter>(CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encode);
        await InvokeCoreAsync<TParameter, bool>(method, parameter, encode, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Invokes a method and decodes its return parameters: ACTION-Request-Normal, or the parameters in blocks when
    /// they exceed the meter's PDU size; a long answer is fetched with ACTION-Request-Next-Pblock (IEC 62056-5-3 §9.4.6.4).
    /// </summary>
    public ValueTask<TResult> InvokeAsync<TParameter, TResult>(CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode,
        AxdrDecoder<TResult> decode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(decode);
        return InvokeCoreAsync(method, parameter, encode, decode, cancellationToken);
    }

    /// <summary>Invokes a method with a generic parameter and returns its return parameters, if any, as generic data.</summary>
    public ValueTask<CosemData?> InvokeDataAsync(CosemMethodDescriptor method, CosemData parameter, CancellationToken cancellationToken = default) =>
        InvokeCoreAsync<CosemData, CosemData?>(method, parameter, static (ref AxdrWriter writer, CosemData data) => data.Encode(ref writer),
            static (ref AxdrReader reader) => CosemData.Decode(ref reader), cancellationToken, returnsOptional: true);

    private async ValueTask<TResult> InvokeCoreAsync<TParameter, TResult>(CosemMethodDescriptor method, TParameter parameter,
        AxdrEncoder<TParameter> encode, AxdrDecoder<TResult>? decode, CancellationToken cancellationToken, bool returnsOptional = false)
    {
        if (IsShortName)
        {
            return await ShortNameInvokeAsync(method, parameter, encode, decode, returnsOptional, cancellationToken).ConfigureAwait(false);
        }
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Require(Conformance.Action, "an ACTION request");
            EncodeInto(ValueBuffer, parameter, encode);
            var data = ValueBuffer.WrittenMemory;
            var invoke = NextInvokeId();
            _request.ResetWrittenCount();
            new ActionRequestNormal(invoke, method, data).Encode(_request);
            using var exchange = StartExchange();
            ApduMessage answer;
            if (_request.WrittenCount <= RequestLimit)
            {
                answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.ActionResponse, invoke.InvokeId, protect: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Require(Conformance.BlockTransferWithAction,
                    $"parameters of {data.Length} bytes (the meter accepts requests of at most {ServerMaxReceivePduSize} bytes)");
                answer = await InvokeInBlocksAsync(invoke, method, data, cancellationToken).ConfigureAwait(false);
            }
            using (answer)
            {
                switch (Decode<ActionResponse>(answer.Memory, ApduTag.ActionResponse))
                {
                    case ActionResponseNormal normal:
                        return ReadActionResult(normal.Response, method, decode, returnsOptional);
                    case ActionResponseWithPBlock first:
                        CheckBlocksGranted(Conformance.BlockTransferWithAction, "ACTION");
                        BlockBuffer.ResetWrittenCount();
                        var last = AppendActionBlock(first.PBlock, 1, method);
                        answer.Dispose();
                        if (!last)
                        {
                            await ReceiveRemainingActionBlocksAsync(invoke, method, cancellationToken).ConfigureAwait(false);
                        }
                        return ReadLongActionResult(method, decode, returnsOptional);
                    case var other:
                        throw new CosemProtocolException($"Invoking {method}: the meter answered with {Describe(other)}.");
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends long method parameters block by block (ACTION-Request-With-First-Pblock, then -With-Pblock each time the
    /// meter asks with ACTION-Response-Next-Pblock) and returns the meter's answer to the last block.
    /// </summary>
    private async ValueTask<ApduMessage> InvokeInBlocksAsync(InvokeIdAndPriority invoke, CosemMethodDescriptor method, ReadOnlyMemory<byte> data,
        CancellationToken cancellationToken)
    {
        var offset = 0;
        for (var number = 1u; ; number++)
        {
            ActionRequest Request(DataBlockSA block) => block.BlockNumber == 1
                ? new ActionRequestWithFirstPBlock(invoke, method, block)
                : new ActionRequestWithPBlock(invoke, block);

            var take = BlockRoom(Request(new DataBlockSA(false, number, ReadOnlyMemory<byte>.Empty)), data.Length - offset);
            var last = offset + take == data.Length;
            _request.ResetWrittenCount();
            Request(new DataBlockSA(last, number, data.Slice(offset, take))).Encode(_request);
            offset += take;
            var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.ActionResponse, invoke.InvokeId, protect: true, cancellationToken).ConfigureAwait(false);
            if (last)
            {
                return answer;
            }
            using (answer)
            {
                switch (Decode<ActionResponse>(answer.Memory, ApduTag.ActionResponse))
                {
                    case ActionResponseNextPBlock next when next.BlockNumber == number:
                        continue;
                    case ActionResponseNormal { Response.Result: not ActionResult.Success } refused:
                        throw new CosemServiceException(refused.Response.Result, $"Invoking {method} failed in block {number}: action-result {refused.Response.Result}.");
                    case var other:
                        throw new CosemProtocolException($"Invoking {method}: the meter answered parameter block {number} with {Describe(other)}.");
                }
            }
        }
    }

    private async ValueTask ReceiveRemainingActionBlocksAsync(InvokeIdAndPriority invoke, CosemMethodDescriptor method, CancellationToken cancellationToken)
    {
        for (var received = 1u; ; received++)
        {
            _request.ResetWrittenCount();
            new ActionRequestNextPBlock(invoke, received).Encode(_request);
            using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.ActionResponse, invoke.InvokeId, protect: true, cancellationToken).ConfigureAwait(false);
            var block = Decode<ActionResponse>(answer.Memory, ApduTag.ActionResponse) switch
            {
                ActionResponseWithPBlock next => next.PBlock,
                ActionResponseNormal { Response.Result: not ActionResult.Success } refused =>
                    throw new CosemServiceException(refused.Response.Result, $"Invoking {method} failed in block {received + 1}: action-result {refused.Response.Result}."),
                var other => throw new CosemProtocolException($"Invoking {method}: the meter answered a request for block {received + 1} with {Describe(other)}."),
            };
            if (AppendActionBlock(block, received + 1, method))
            {
                return;
            }
        }
    }

    private bool AppendActionBlock(in DataBlockSA block, uint expected, CosemMethodDescriptor method)
    {
        if (block.BlockNumber != expected)
        {
            throw new CosemProtocolException($"Invoking {method}: the meter sent block {block.BlockNumber} where block {expected} was expected.");
        }
        CountBlock((long)BlockBuffer.WrittenCount + block.RawData.Length, method);
        BlockBuffer.Write(block.RawData.Span);
        return block.LastBlock;
    }

    private static TResult ReadActionResult<TResult>(ActionResponseWithOptionalData response, CosemMethodDescriptor method, AxdrDecoder<TResult>? decode,
        bool returnsOptional)
    {
        if (response.Result != ActionResult.Success)
        {
            throw new CosemServiceException(response.Result, $"Invoking {method} failed: action-result {response.Result}.");
        }
        if (decode is null)
        {
            return default!;
        }
        switch (response.ReturnParameters)
        {
            case { HasData: true } data:
                return DecodeValue(data.Data.Span, decode, method);
            case { } refused:
                throw new CosemServiceException(refused.AccessResult, $"Invoking {method}: the return parameters were refused with data-access-result {refused.AccessResult}.");
            case null when returnsOptional:
                return default!;
            default:
                throw new CosemProtocolException($"Invoking {method}: the meter returned no return parameters.");
        }
    }

    /// <summary>
    /// The return parameters of a long ACTION answer, reassembled in <see cref="BlockBuffer"/>: the encoded Data, or
    /// (as some meters send it) the whole Action-Response-With-Optional-Data. A lone Data starting with 0 is
    /// null-data of one byte, so a longer run starting with 0 (result success) is the second form.
    /// </summary>
    private TResult ReadLongActionResult<TResult>(CosemMethodDescriptor method, AxdrDecoder<TResult>? decode, bool returnsOptional)
    {
        var data = BlockBuffer.WrittenSpan;
        if (data.Length > 1 && data[0] == (byte)ActionResult.Success && data[1] is 0 or 1)
        {
            var reader = new AxdrReader(data);
            reader.ReadRawByte("action-result");
            if (!reader.ReadOptionalFlag("return-parameters"))
            {
                reader.EnsureAtEnd("end of the action response");
                return decode is null || returnsOptional ? default! : throw new CosemProtocolException($"Invoking {method}: the meter returned no return parameters.");
            }
            var at = reader.AbsolutePosition;
            switch (reader.ReadRawByte("get-data-result"))
            {
                case 0:
                    return decode is null ? default! : DecodeValue(reader.RemainingBytes, decode, method);
                case 1:
                    var refused = (DataAccessResult)reader.ReadRawByte("data-access-result");
                    throw new CosemServiceException(refused, $"Invoking {method}: the return parameters were refused with data-access-result {refused}.");
                case var choice:
                    throw new CosemEncodingException($"Unknown get-data-result choice {choice}.", at, "get-data-result");
            }
        }
        return decode is null ? default! : DecodeValue(data, decode, method);
    }
}
