using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

// ACCESS (IEC 62056-5-3 §9.5, conformance bit 17): many GET, SET and ACTION requests in one Access-Request, answered
// by one Access-Response with a result per item. Without general block transfer a request must fit the meter's PDU
// size and the answer the client's.
public sealed partial class CosemClient
{
    // Long-invoke-id of the last ACCESS request (24 bits, IEC 62056-5-3 §9.5).
    private uint _lastLongInvokeId;

    /// <summary>
    /// Sends <paramref name="items"/> in one ACCESS request and returns one result per item, in order. Needs the
    /// <see cref="Conformance.Access"/> bit (and <see cref="Conformance.SelectiveAccess"/> for items with selective
    /// access) in the negotiated conformance, else throws <see cref="CosemProtocolException"/> without sending
    /// anything; so does a request longer than <see cref="ServerMaxReceivePduSize"/>. <paramref name="processing"/>
    /// sets processing-option; <paramref name="selfDescriptive"/> asks the meter to repeat the request descriptors in
    /// its answer, which is then checked against the request. An answer with another long-invoke-id, another number
    /// of items or results of the wrong kind throws <see cref="CosemProtocolException"/>; an EXCEPTION-Response throws
    /// <see cref="CosemExceptionResponseException"/>. Failed items do not throw: their results say why.
    /// </summary>
    public async ValueTask<IReadOnlyList<CosemAccessResult>> AccessAsync(IReadOnlyList<CosemAccessItem> items,
        CosemAccessProcessing processing = CosemAccessProcessing.ContinueOnError, bool selfDescriptive = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return [];
        }
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await AccessCoreAsync(items, processing, selfDescriptive, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads many attributes with ACCESS: as many ACCESS requests as <see cref="AssociationOptions.MaxAttributesPerRequest"/>
    /// and the meter's PDU size need, continue-on-error. The ACCESS counterpart of
    /// <see cref="GetManyAsync(IReadOnlyList{CosemAttributeDescriptor}, CancellationToken)"/>, with the same results;
    /// throws <see cref="CosemProtocolException"/> when the meter did not grant <see cref="Conformance.Access"/>. A
    /// batch whose answer the meter refuses as too long for one APDU (pdu-too-long) is read again with GET, one
    /// attribute at a time, so that block transfer can carry long values.
    /// </summary>
    public async ValueTask<IReadOnlyList<CosemGetResult>> AccessAsync(IReadOnlyList<CosemAttributeDescriptor> attributes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var results = new CosemGetResult[attributes.Count];
        if (results.Length == 0)
        {
            return results;
        }
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var start = 0; start < attributes.Count;)
            {
                var batch = new CosemAccessItem[AccessBatchSize(attributes.Count - start)];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = CosemAccessItem.Get(attributes[start + i]);
                }
                IReadOnlyList<CosemAccessResult> answers;
                try
                {
                    answers = await AccessCoreAsync(batch, CosemAccessProcessing.ContinueOnError, false, cancellationToken).ConfigureAwait(false);
                }
                catch (CosemExceptionResponseException tooLong) when (tooLong.ServiceError == ExceptionServiceError.PduTooLong && Granted(Conformance.Get))
                {
                    // The values do not fit one APDU, and ACCESS answers cannot come in blocks (no general block
                    // transfer): this batch is read with GET, one attribute at a time, in blocks where needed.
                    for (var i = 0; i < batch.Length; i++)
                    {
                        results[start + i] = await GetOneAsync(new CosemAttributeDescriptorWithSelection(attributes[start + i]), cancellationToken).ConfigureAwait(false);
                    }
                    start += batch.Length;
                    continue;
                }
                for (var i = 0; i < batch.Length; i++)
                {
                    var answer = answers[i];
                    results[start + i] = new CosemGetResult(attributes[start + i], answer.Specification.DataAccessResult,
                        answer.IsSuccess ? answer.RawData.ToArray() : []);
                }
                start += batch.Length;
            }
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many plain GET items fit one ACCESS request, at most <paramref name="remaining"/>.</summary>
    private int AccessBatchSize(int remaining)
    {
        var count = Math.Min(Options.MaxAttributesPerRequest, remaining);
        // tag, long-invoke-id (4), empty date-time, two list lengths (≤ 3 bytes each), per item 10 + null-data.
        while (count > 1 && 12 + count * (1 + CosemAttributeDescriptor.EncodedLength + 1) > ServerMaxReceivePduSize)
        {
            count--;
        }
        return count;
    }

    private async ValueTask<IReadOnlyList<CosemAccessResult>> AccessCoreAsync(IReadOnlyList<CosemAccessItem> items,
        CosemAccessProcessing processing, bool selfDescriptive, CancellationToken cancellationToken)
    {
        Require(Conformance.Access, "an ACCESS request");
        var specifications = new AccessRequestSpecification[items.Count];
        var data = new ReadOnlyMemory<byte>[items.Count];
        for (var i = 0; i < specifications.Length; i++)
        {
            specifications[i] = items[i].Specification;
            data[i] = items[i].Data;
            if (specifications[i].AccessSelection is not null)
            {
                Require(Conformance.SelectiveAccess, "an ACCESS item with selective access");
            }
        }
        _lastLongInvokeId = (_lastLongInvokeId + 1) & LongInvokeIdAndPriority.MaxInvokeId;
        var invoke = new LongInvokeIdAndPriority(_lastLongInvokeId, confirmed: true, highPriority: true,
            breakOnError: processing == CosemAccessProcessing.BreakOnError, selfDescriptive: selfDescriptive);
        _request.ResetWrittenCount();
        new AccessRequest(invoke, ReadOnlyMemory<byte>.Empty, specifications, data).Encode(_request);
        if (_request.WrittenCount > RequestLimit)
        {
            throw new CosemProtocolException(
                $"An ACCESS request of {items.Count} items takes {_request.WrittenCount} bytes; the meter accepts at most {ServerMaxReceivePduSize}.");
        }
        using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.AccessResponse, AnyInvokeId, protect: true, cancellationToken).ConfigureAwait(false);
        var response = Decode<AccessResponse>(answer.Memory, ApduTag.AccessResponse);
        CheckAccessResponse(invoke, specifications, response);
        var results = new CosemAccessResult[items.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var result = response.Results[i];
            var value = response.Data[i];
            var carriesData = result.RawResult == 0 && result.Kind != AccessResponseKind.Set
                && !(result.Kind == AccessResponseKind.Action && value.Length == 1 && value.Span[0] == 0);
            results[i] = new CosemAccessResult(items[i], result, carriesData ? value.ToArray() : []);
        }
        return results;
    }

    /// <summary>An answer to another request, with another number of items, or with results of the wrong kind is a protocol error.</summary>
    private static void CheckAccessResponse(LongInvokeIdAndPriority invoke, AccessRequestSpecification[] sent, AccessResponse response)
    {
        if (response.LongInvokeIdAndPriority.InvokeId != invoke.InvokeId)
        {
            throw new CosemProtocolException(
                $"The meter answered ACCESS request {invoke.InvokeId} with long-invoke-id {response.LongInvokeIdAndPriority.InvokeId}.");
        }
        if (response.Results.Count != sent.Length || response.Data.Count != sent.Length)
        {
            throw new CosemProtocolException(
                $"The meter answered an ACCESS request of {sent.Length} items with {response.Results.Count} results and {response.Data.Count} data.");
        }
        for (var i = 0; i < sent.Length; i++)
        {
            var expected = sent[i].Kind switch
            {
                AccessRequestKind.Action => AccessResponseKind.Action,
                AccessRequestKind.Set or AccessRequestKind.SetWithSelection => AccessResponseKind.Set,
                _ => AccessResponseKind.Get,
            };
            if (response.Results[i].Kind != expected)
            {
                throw new CosemProtocolException($"The meter answered ACCESS item {i} ({sent[i].Kind}) with a {response.Results[i].Kind} result.");
            }
        }
        if (response.RequestSpecifications is not { } echoed)
        {
            return;
        }
        if (echoed.Count != sent.Length)
        {
            throw new CosemProtocolException($"The meter repeated {echoed.Count} request descriptors for an ACCESS request of {sent.Length} items.");
        }
        for (var i = 0; i < sent.Length; i++)
        {
            if (echoed[i].Kind != sent[i].Kind || echoed[i].AttributeDescriptor != sent[i].AttributeDescriptor || echoed[i].MethodDescriptor != sent[i].MethodDescriptor)
            {
                throw new CosemProtocolException($"The meter repeated ACCESS item {i} as {echoed[i].Kind} of another object.");
            }
        }
    }
}
