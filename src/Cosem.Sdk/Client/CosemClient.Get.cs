using System.Runtime.CompilerServices;
using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    /// <summary>Reads one attribute (GET-Request-Normal; a long answer arrives in blocks, reassembled here).</summary>
    public ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, AxdrDecoder<T> decode, CancellationToken cancellationToken = default) =>
        GetCoreAsync(attribute, null, decode, cancellationToken);

    /// <summary>Reads one attribute with selective access (IEC 62056-5-3 §9.3.4): a profile's rows by range or entry.</summary>
    public ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor access, AxdrDecoder<T> decode,
        CancellationToken cancellationToken = default) =>
        GetCoreAsync(attribute, access, decode, cancellationToken);

    /// <summary>Reads one attribute as a generic <see cref="CosemData"/> value, whatever its type.</summary>
    public ValueTask<CosemData> GetDataAsync(CosemAttributeDescriptor attribute, CancellationToken cancellationToken = default) =>
        GetCoreAsync(attribute, null, CosemData.Decode, cancellationToken);

    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> GetCoreAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access, AxdrDecoder<T> decode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decode);
        if (IsShortName)
        {
            return await ShortNameGetAsync(attribute, access, decode, cancellationToken).ConfigureAwait(false);
        }
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Require(Conformance.Get, "a GET request");
            if (access is not null)
            {
                Require(Conformance.SelectiveAccess, "a GET with selective access");
            }
            var invoke = NextInvokeId();
            _request.ResetWrittenCount();
            new GetRequestNormal(invoke, attribute, access).Encode(_request);
            using var answer = await SendGetAsync(invoke, attribute, cancellationToken, decodesValue: true).ConfigureAwait(false);
            switch (answer.Response)
            {
                case null:
                    return DecodeValue(BlockBuffer.WrittenSpan, decode, attribute);
                case GetResponseNormal { Result.HasData: true } normal:
                    return DecodeValue(normal.Result.Data.Span, decode, attribute);
                case GetResponseNormal refused:
                    throw new CosemServiceException(refused.Result.AccessResult, $"Reading {attribute} failed: data-access-result {refused.Result.AccessResult}.");
                default:
                    throw new CosemProtocolException($"The meter answered a GET-Request-Normal for {attribute} with a GET-Response-With-List.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends the GET request in <see cref="_request"/> and returns its answer: a normal or with-list response, or,
    /// when the meter answered in blocks, a null response with the reassembled data in <see cref="BlockBuffer"/>.
    /// <paramref name="decodesValue"/>: the caller decodes a normal answer's value whole at once, so it is not walked
    /// here first (<see cref="TryReadNormalValue"/>).
    /// </summary>
    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<GetAnswer> SendGetAsync(InvokeIdAndPriority invoke, object what, CancellationToken cancellationToken, int listCount = 0,
        bool decodesValue = false)
    {
        EnsureFits(_request.WrittenCount, "The GET request");
        using var exchange = StartExchange();
        var message = await ExchangeAsync(_request.WrittenMemory, ApduTag.GetResponse, invoke.InvokeId, protect: true, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = decodesValue && TryReadNormalValue(message.Memory, out var normal) ? normal : DecodeGetResponse(message.Memory, listCount);
            if (response is not GetResponseWithDataBlock first)
            {
                var answer = new GetAnswer(message, response);
                message = null;
                return answer;
            }
            BlockBuffer.ResetWrittenCount();
            var last = AppendGetBlock(first.Block, 1, what);
            message.Dispose();
            message = null;
            if (!last)
            {
                await ReceiveRemainingGetBlocksAsync(invoke, 1, what, cancellationToken).ConfigureAwait(false);
            }
            return default;
        }
        finally
        {
            message?.Dispose();
        }
    }

    /// <summary>A GET answer and the message its values are sliced from.</summary>
    private readonly struct GetAnswer(ApduMessage? message, GetResponse? response) : IDisposable
    {
        /// <summary>The answer, or null when it came in blocks (the data is then in <see cref="BlockBuffer"/>).</summary>
        public GetResponse? Response => response;

        public void Dispose() => message?.Dispose();
    }

    /// <summary>
    /// Collects the rest of a long GET answer into <see cref="BlockBuffer"/>: each block is acknowledged with
    /// GET-Request-Next and must carry the next block number (IEC 62056-5-3 §9.4.6.2).
    /// </summary>
    private async ValueTask ReceiveRemainingGetBlocksAsync(InvokeIdAndPriority invoke, uint received, object what, CancellationToken cancellationToken)
    {
        while (true)
        {
            _request.ResetWrittenCount();
            new GetRequestNext(invoke, received).Encode(_request);
            using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.GetResponse, invoke.InvokeId, protect: true, cancellationToken).ConfigureAwait(false);
            var block = DecodeGetResponse(answer.Memory, 0) is GetResponseWithDataBlock next
                ? next.Block
                : throw new CosemProtocolException($"Reading {what}: the meter left a block transfer without sending its last block.");
            received++;
            if (AppendGetBlock(block, received, what))
            {
                return;
            }
        }
    }

    /// <summary>Checks one block of a GET answer and appends its data; returns whether it was the last.</summary>
    private bool AppendGetBlock(in DataBlockG block, uint expected, object what)
    {
        if (!block.HasRawData)
        {
            throw new CosemServiceException(block.AccessResult, $"Reading {what} failed in block {block.BlockNumber}: data-access-result {block.AccessResult}.");
        }
        if (block.BlockNumber != expected)
        {
            throw new CosemProtocolException($"Reading {what}: the meter sent block {block.BlockNumber} where block {expected} was expected.");
        }
        CountBlock((long)BlockBuffer.WrittenCount + block.RawData.Length, what);
        BlockBuffer.Write(block.RawData.Span);
        return block.LastBlock;
    }

    /// <summary>Decodes one attribute value and checks the decoder consumed it whole.</summary>
    private static T DecodeValue<T>(ReadOnlySpan<byte> data, AxdrDecoder<T> decode, object what)
    {
        var reader = new AxdrReader(data);
        T value;
        try
        {
            value = decode(ref reader);
        }
        catch (Exception ex) when (ex is not (CosemException or OperationCanceledException))
        {
            throw TypeMismatch(data, typeof(T), what, ex)
                ?? new CosemEncodingException($"The value of {what} does not decode as {typeof(T).Name}: {ex.Message}", reader.Position, what.ToString(), ex);
        }
        catch (CosemEncodingException ex) when (TypeMismatch(data, typeof(T), what, ex) is { } mismatch)
        {
            throw mismatch;
        }
        if (!reader.IsAtEnd && TypeMismatch(data, typeof(T), what, null) is { } longer)
        {
            throw longer;
        }
        if (!reader.IsAtEnd)
        {
            // Throws; the field name (the descriptor formatted) is built only then, not on every read.
            reader.EnsureAtEnd($"end of {what}");
        }
        return value;
    }

    /// <summary>
    /// When <paramref name="data"/> is one well-formed value that the typed decoder rejected, the typed error that
    /// carries it; null when the data is malformed as well (then it is an encoding error, not a type mismatch).
    /// </summary>
    private static CosemTypeMismatchException? TypeMismatch(ReadOnlySpan<byte> data, Type expected, object what, Exception? failure)
    {
        if (expected == typeof(CosemData))
        {
            return null;
        }
        CosemData raw;
        try
        {
            var reader = new AxdrReader(data);
            raw = CosemData.Decode(ref reader);
            if (!reader.IsAtEnd)
            {
                return null;
            }
        }
        catch (CosemEncodingException)
        {
            return null;
        }
        return new CosemTypeMismatchException(
            $"The meter sent {what} as {DataTypeInfo.Name(raw.Type)} ({raw}), which does not decode as {expected.Name} as the class defines it.",
            raw, expected, failure);
    }

    /// <summary>A request longer than the meter accepts cannot be sent (and GET requests cannot be split).</summary>
    private void EnsureFits(int length, string what)
    {
        if (length > RequestLimit)
        {
            throw new CosemProtocolException($"{what} takes {length} bytes; the meter accepts at most {ServerMaxReceivePduSize}.");
        }
    }
}
