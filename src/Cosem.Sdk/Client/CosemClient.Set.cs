using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    // A block's raw-data length prefix grows from one byte (empty) to at most three (up to 65535 bytes).
    private const int BlockLengthGrowth = 2;

    /// <summary>
    /// Writes one attribute: SET-Request-Normal, or SET-Request-With-First-Datablock and -With-Datablock when the
    /// request would exceed the meter's PDU size (IEC 62056-5-3 §9.4.6.3).
    /// </summary>
    public ValueTask SetAsync<T>(CosemAttributeDescriptor attribute, T value, AxdrEncoder<T> encode, CancellationToken cancellationToken = default) =>
        SetCoreAsync(attribute, null, value, encode, cancellationToken);

    /// <summary>Writes part of one attribute selected by <paramref name="access"/>.</summary>
    public ValueTask SetAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor access, T value, AxdrEncoder<T> encode,
        CancellationToken cancellationToken = default) =>
        SetCoreAsync(attribute, access, value, encode, cancellationToken);

    /// <summary>Writes one attribute from a generic <see cref="CosemData"/> value.</summary>
    public ValueTask SetDataAsync(CosemAttributeDescriptor attribute, CosemData value, CancellationToken cancellationToken = default) =>
        SetCoreAsync(attribute, null, value, static (ref AxdrWriter writer, CosemData data) => data.Encode(ref writer), cancellationToken);

    private async ValueTask SetCoreAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access, T value, AxdrEncoder<T> encode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encode);
        if (IsShortName)
        {
            await ShortNameSetAsync(attribute, access, value, encode, cancellationToken).ConfigureAwait(false);
            return;
        }
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Require(Conformance.Set, "a SET request");
            if (access is not null)
            {
                Require(Conformance.SelectiveAccess, "a SET with selective access");
            }
            EncodeInto(ValueBuffer, value, encode);
            var data = ValueBuffer.WrittenMemory;
            var invoke = NextInvokeId();
            _request.ResetWrittenCount();
            new SetRequestNormal(invoke, attribute, access, data).Encode(_request);
            using var exchange = StartExchange();
            if (_request.WrittenCount <= RequestLimit)
            {
                using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.SetResponse, invoke.InvokeId, protect: true, cancellationToken).ConfigureAwait(false);
                var result = Decode<SetResponse>(answer.Memory, ApduTag.SetResponse) switch
                {
                    SetResponseNormal normal => normal.Result,
                    var other => throw new CosemProtocolException($"The meter answered a SET-Request-Normal with {other.GetType().Name}."),
                };
                ThrowIfRefused(result, attribute);
                return;
            }
            Require(Conformance.BlockTransferWithSetOrWrite,
                $"a value of {data.Length} bytes (the meter accepts requests of at most {ServerMaxReceivePduSize} bytes)");
            await SetInBlocksAsync(invoke, attribute, access, data, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends a long value block by block; the meter acknowledges each block but the last by its number.</summary>
    private async ValueTask SetInBlocksAsync(InvokeIdAndPriority invoke, CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access,
        ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var offset = 0;
        for (var number = 1u; ; number++)
        {
            SetRequest Request(DataBlockSA block) => block.BlockNumber == 1
                ? new SetRequestWithFirstDataBlock(invoke, attribute, access, block)
                : new SetRequestWithDataBlock(invoke, block);

            var take = BlockRoom(Request(new DataBlockSA(false, number, ReadOnlyMemory<byte>.Empty)), data.Length - offset);
            var last = offset + take == data.Length;
            _request.ResetWrittenCount();
            Request(new DataBlockSA(last, number, data.Slice(offset, take))).Encode(_request);
            offset += take;
            using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.SetResponse, invoke.InvokeId, protect: true, cancellationToken).ConfigureAwait(false);
            switch (Decode<SetResponse>(answer.Memory, ApduTag.SetResponse))
            {
                case SetResponseDataBlock ack when !last && ack.BlockNumber == number:
                    continue;
                case SetResponseLastDataBlock final when last && final.BlockNumber == number:
                    ThrowIfRefused(final.Result, attribute);
                    return;
                case SetResponseLastDataBlock refused when refused.Result != DataAccessResult.Success:
                    ThrowIfRefused(refused.Result, attribute);
                    return;
                case SetResponseNormal refused when refused.Result != DataAccessResult.Success:
                    ThrowIfRefused(refused.Result, attribute);
                    return;
                case var other:
                    throw new CosemProtocolException($"Writing {attribute}: the meter answered block {number}{(last ? " (last)" : "")} with {Describe(other)}.");
            }
        }
    }

    /// <summary>How many value bytes fit a block request whose empty form is <paramref name="emptyRequest"/>.</summary>
    private int BlockRoom(Apdu.Apdu emptyRequest, int remaining)
    {
        _request.ResetWrittenCount();
        emptyRequest.Encode(_request);
        var room = ServerMaxReceivePduSize - _request.WrittenCount - BlockLengthGrowth;
        if (room < 1)
        {
            throw new CosemProtocolException($"The meter's PDU size of {ServerMaxReceivePduSize} bytes leaves no room for a data block.");
        }
        return Math.Min(room, remaining);
    }

    private static void EncodeInto<T>(System.Buffers.ArrayBufferWriter<byte> buffer, T value, AxdrEncoder<T> encode)
    {
        buffer.ResetWrittenCount();
        var writer = new AxdrWriter(buffer);
        encode(ref writer, value);
        writer.Flush();
    }

    private static void ThrowIfRefused(DataAccessResult result, CosemAttributeDescriptor attribute)
    {
        if (result != DataAccessResult.Success)
        {
            throw new CosemServiceException(result, $"Writing {attribute} failed: data-access-result {result}.");
        }
    }

    private static string Describe(Apdu.Apdu apdu) => apdu switch
    {
        SetResponseDataBlock block => $"an acknowledgement of block {block.BlockNumber}",
        SetResponseLastDataBlock last => $"a last-block answer for block {last.BlockNumber}",
        ActionResponseNextPBlock next => $"a request for the block after {next.BlockNumber}",
        _ => apdu.GetType().Name,
    };
}
