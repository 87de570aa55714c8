using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

// ACCESS (IEC 62056-5-3 §9.5, DLMS UA Green Book ed. 9+, conformance bit 17 "access"): a list of GET, SET and ACTION
// requests served in order, each with the same visibility, access-rights checks and object calls as the service it
// stands for (ReadAsync, WriteAsync, InvokeMethodAsync), answered by one Access-Response.
//
// Our reading of the points the codec leaves open:
// - access-response-list-of-data holds, per item, the value read (get), the method's return data (action), or
//   null-data (set, a failed get, an action without return data); the results say why an item failed.
// - processing-option break-on-error: the first item that does not succeed stops the processing; the items after it
//   are not carried out and are answered other-reason (data-access-result or action-result) with null-data, so the
//   response always has one result per request item. continue-on-error carries out every item.
// - self-descriptive: the response repeats the request's Access-Request-Specification list.
// - unconfirmed (service-class 0): carried out without an answer, as SET and ACTION are.
// - an answer longer than the client's max-receive-pdu-size: long ACCESS answers need general block transfer, which
//   this server does not offer, so it answers EXCEPTION-Response (service-not-allowed, pdu-too-long), as for a long
//   GET-with-list without block transfer. SET and ACTION items have been carried out by then.
// - the access bit alone admits GET, SET and ACTION items (ACCESS is a service of its own); items with selective
//   access also need the selective-access bit, as in GET and SET.
// - a request without items, with more than MaxAccessItems items, or with as many data as items missing is refused
//   with EXCEPTION-Response before any item is carried out; the association stays open.
internal sealed partial class ServiceProcessor
{
    /// <summary>The most items one ACCESS request may carry: a bound on the work one request can ask for.</summary>
    internal const int MaxAccessItems = 64;

    private const byte NullData = 0;

    private async ValueTask HandleAccessAsync(AssociationState association, AccessRequest request, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var items = request.Specifications;
        if (items.Count == 0)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason, "ACCESS request without items");
            return;
        }
        if (items.Count > MaxAccessItems)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OperationNotPossible,
                $"ACCESS request of {items.Count} items; at most {MaxAccessItems} are served");
            return;
        }
        if (request.Data.Count != items.Count)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason,
                $"ACCESS request of {items.Count} items with {request.Data.Count} data: as many data as items are needed");
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].AccessSelection is not null)
            {
                if (!Require(association, Conformance.SelectiveAccess, response))
                {
                    return;
                }
                break;
            }
        }
        var invoke = request.LongInvokeIdAndPriority;
        var results = new AccessResponseSpecification[items.Count];
        var ends = ArrayPool<int>.Shared.Rent(items.Count);
        try
        {
            _payload.ResetWrittenCount();
            var stopped = false;
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = stopped
                    ? NotProcessed(items[i].Kind)
                    : await ProcessAccessItemAsync(association, items[i], request.Data[i], cancellationToken).ConfigureAwait(false);
                stopped |= invoke.BreakOnError && results[i].RawResult != 0;
                ends[i] = _payload.WrittenCount;
            }
            if (!invoke.Confirmed)
            {
                return;
            }
            var data = new ReadOnlyMemory<byte>[items.Count];
            var written = _payload.WrittenMemory;
            for (int i = 0, start = 0; i < data.Length; start = ends[i], i++)
            {
                data[i] = written[start..ends[i]];
            }
            _value.ResetWrittenCount();
            new AccessResponse(invoke, ReadOnlyMemory<byte>.Empty, invoke.SelfDescriptive ? items : null, data, results).Encode(_value);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ends);
        }
        if (_value.WrittenCount > association.MaxResponseLength)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.PduTooLong,
                $"ACCESS answer of {_value.WrittenCount} bytes exceeds the client PDU size and general block transfer is not offered");
            return;
        }
        response.Write(_value.WrittenSpan);
    }

    /// <summary>Carries out one item, appending its Data (or null-data) to <see cref="_payload"/>.</summary>
    private async ValueTask<AccessResponseSpecification> ProcessAccessItemAsync(AssociationState association, AccessRequestSpecification item,
        ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case AccessRequestKind.Get or AccessRequestKind.GetWithSelection:
            {
                var result = await ReadAsync(association, item.AttributeDescriptor, item.AccessSelection, _payload, cancellationToken).ConfigureAwait(false);
                if (result != DataAccessResult.Success)
                {
                    WriteByte(_payload, NullData);
                }
                return AccessResponseSpecification.Get(result);
            }
            case AccessRequestKind.Set or AccessRequestKind.SetWithSelection:
            {
                var result = await WriteAsync(association, item.AttributeDescriptor, data, cancellationToken).ConfigureAwait(false);
                WriteByte(_payload, NullData);
                return AccessResponseSpecification.Set(result);
            }
            default:
            {
                var result = await InvokeMethodAsync(association, item.MethodDescriptor, data, cancellationToken).ConfigureAwait(false);
                if (_value.WrittenCount > 0)
                {
                    _payload.Write(_value.WrittenSpan);
                }
                else
                {
                    WriteByte(_payload, NullData);
                }
                return AccessResponseSpecification.Action(result);
            }
        }
    }

    /// <summary>The answer to an item skipped after an earlier failure under break-on-error, with its null-data appended.</summary>
    private AccessResponseSpecification NotProcessed(AccessRequestKind kind)
    {
        WriteByte(_payload, NullData);
        return kind switch
        {
            AccessRequestKind.Action => AccessResponseSpecification.Action(ActionResult.OtherReason),
            AccessRequestKind.Set or AccessRequestKind.SetWithSelection => AccessResponseSpecification.Set(DataAccessResult.OtherReason),
            _ => AccessResponseSpecification.Get(DataAccessResult.OtherReason),
        };
    }
}
