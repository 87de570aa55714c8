using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    /// <summary>
    /// Reads many attributes at once: GET-Request-With-List when the meter granted multiple references, split into
    /// as many requests as the meter's PDU size and <see cref="AssociationOptions.MaxAttributesPerRequest"/> need;
    /// one GET-Request-Normal each otherwise. A refused attribute does not fail the batch: its result says why.
    /// </summary>
    public ValueTask<IReadOnlyList<CosemGetResult>> GetManyAsync(IReadOnlyList<CosemAttributeDescriptor> attributes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var list = new CosemAttributeDescriptorWithSelection[attributes.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new CosemAttributeDescriptorWithSelection(attributes[i]);
        }
        return GetManyAsync(list, cancellationToken);
    }

    /// <summary>Reads many attributes at once, each with optional selective access.</summary>
    public async ValueTask<IReadOnlyList<CosemGetResult>> GetManyAsync(IReadOnlyList<CosemAttributeDescriptorWithSelection> attributes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.Count == 0)
        {
            return [];
        }
        if (IsShortName)
        {
            return await ShortNameGetManyAsync(attributes, cancellationToken).ConfigureAwait(false);
        }
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Require(Conformance.Get, "a GET request");
            var selective = false;
            for (var i = 0; i < attributes.Count; i++)
            {
                selective |= attributes[i].AccessSelection is not null;
            }
            if (selective)
            {
                Require(Conformance.SelectiveAccess, "a GET with selective access");
            }
            var results = new CosemGetResult[attributes.Count];
            var next = 0;
            while (next < attributes.Count)
            {
                var count = Granted(Conformance.MultipleReferences) ? BatchSize(attributes, next) : 1;
                if (count == 1)
                {
                    results[next] = await GetOneAsync(attributes[next], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    try
                    {
                        await GetListAsync(attributes, next, count, results, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception failure) when (failure is CosemProtocolException or CosemEncodingException
                        && failure is not (CosemUnmatchedAnswerException or CosemAnswerLimitException) && ShouldFallBack(failure, count))
                    {
                        for (var i = next; i < next + count; i++)
                        {
                            results[i] = await GetOneFallbackAsync(attributes[i], cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                next += count;
            }
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many attributes from <paramref name="start"/> fit one GET-Request-With-List.</summary>
    private int BatchSize(IReadOnlyList<CosemAttributeDescriptorWithSelection> attributes, int start)
    {
        var limit = Math.Min(Options.MaxAttributesPerRequest, attributes.Count - start);
        var size = 3; // tag, choice, invoke-id-and-priority
        var count = 0;
        while (count < limit)
        {
            var item = attributes[start + count];
            var itemSize = CosemAttributeDescriptor.EncodedLength + 1 + (item.AccessSelection is { } selection ? 1 + selection.Parameters.Length : 0);
            if (size + AxdrWriter.GetLengthSize(count + 1) + itemSize > ServerMaxReceivePduSize)
            {
                break;
            }
            size += itemSize;
            count++;
        }
        return Math.Max(count, 1);
    }

    private async ValueTask<CosemGetResult> GetOneAsync(CosemAttributeDescriptorWithSelection item, CancellationToken cancellationToken)
    {
        var invoke = NextInvokeId();
        _request.ResetWrittenCount();
        new GetRequestNormal(invoke, item.Descriptor, item.AccessSelection).Encode(_request);
        try
        {
            using var answer = await SendGetAsync(invoke, item.Descriptor, cancellationToken).ConfigureAwait(false);
            return answer.Response switch
            {
                null => new CosemGetResult(item.Descriptor, DataAccessResult.Success, BlockBuffer.WrittenSpan.ToArray()),
                GetResponseNormal normal => ToResult(item.Descriptor, normal.Result),
                _ => throw new CosemProtocolException($"The meter answered a GET-Request-Normal for {item.Descriptor} with a GET-Response-With-List."),
            };
        }
        catch (CosemServiceException refused) when (refused.DataAccessResult is { } result)
        {
            // A block transfer refused midway.
            return new CosemGetResult(item.Descriptor, result, []);
        }
    }

    /// <summary>One attribute of a with-list batch the meter refused as a whole: a refusal of this one alone is its result.</summary>
    private async ValueTask<CosemGetResult> GetOneFallbackAsync(CosemAttributeDescriptorWithSelection item, CancellationToken cancellationToken)
    {
        try
        {
            return await GetOneAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is CosemExceptionResponseException or CosemConfirmedServiceErrorException)
        {
            ClientLog.Deviation(_logger, $"{item.Descriptor} refused alone too: {failure.Message}");
            return new CosemGetResult(item.Descriptor, DataAccessResult.OtherReason, []);
        }
    }

    private async ValueTask GetListAsync(IReadOnlyList<CosemAttributeDescriptorWithSelection> attributes, int start, int count,
        CosemGetResult[] results, CancellationToken cancellationToken)
    {
        var batch = new CosemAttributeDescriptorWithSelection[count];
        for (var i = 0; i < count; i++)
        {
            batch[i] = attributes[start + i];
        }
        var invoke = NextInvokeId();
        _request.ResetWrittenCount();
        new GetRequestWithList(invoke, batch).Encode(_request);
        using var answer = await SendGetAsync(invoke, $"{count} attributes", cancellationToken, count).ConfigureAwait(false);
        switch (answer.Response)
        {
            case GetResponseWithList list:
                if (list.Results.Count != count)
                {
                    throw new CosemProtocolException($"The meter answered a GET-Request-With-List of {count} attributes with {list.Results.Count} results.");
                }
                for (var i = 0; i < count; i++)
                {
                    results[start + i] = ToResult(batch[i].Descriptor, list.Results[i]);
                }
                break;
            case null:
                ReadListFromBlocks(batch, start, results);
                break;
            default:
                throw new CosemProtocolException("The meter answered a GET-Request-With-List with a GET-Response-Normal.");
        }
    }

    /// <summary>
    /// A with-list answer sent in blocks: the raw data is the SEQUENCE OF Get-Data-Result (IEC 62056-5-3 §9.4.6.2).
    /// </summary>
    private void ReadListFromBlocks(CosemAttributeDescriptorWithSelection[] batch, int start, CosemGetResult[] results)
    {
        var data = BlockBuffer.WrittenSpan;
        var reader = new AxdrReader(data);
        var count = reader.ReadLength("result count");
        if (count != batch.Length)
        {
            throw new CosemProtocolException($"The meter answered a GET-Request-With-List of {batch.Length} attributes with {count} results.");
        }
        for (var i = 0; i < count; i++)
        {
            var at = reader.AbsolutePosition;
            switch (reader.ReadRawByte("get-data-result"))
            {
                case 0:
                    var from = reader.Position;
                    reader.SkipData();
                    results[start + i] = new CosemGetResult(batch[i].Descriptor, DataAccessResult.Success, data[from..reader.Position].ToArray());
                    break;
                case 1:
                    results[start + i] = new CosemGetResult(batch[i].Descriptor, (DataAccessResult)reader.ReadRawByte("data-access-result"), []);
                    break;
                case var choice:
                    throw new CosemEncodingException($"Unknown get-data-result choice {choice}.", at, "get-data-result");
            }
        }
        reader.EnsureAtEnd("end of the result list");
    }

    private static CosemGetResult ToResult(CosemAttributeDescriptor attribute, GetDataResult result) =>
        result.HasData
            ? new CosemGetResult(attribute, DataAccessResult.Success, result.Data.ToArray())
            : new CosemGetResult(attribute, result.AccessResult, []);
}
