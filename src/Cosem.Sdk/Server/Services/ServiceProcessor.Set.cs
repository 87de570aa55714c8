using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Server;

// SET (IEC 62056-5-3 §9.4.6.4): normal, with-list, and long values sent in blocks (with-first-datablock,
// with-datablock, with-list-and-first-datablock), reassembled and then written.
internal sealed partial class ServiceProcessor
{
    private async ValueTask HandleSetAsync(AssociationState association, SetRequest request, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var invoke = request.InvokeIdAndPriority;
        // An unconfirmed SET is carried out without an answer (service-class bit of Invoke-Id-And-Priority).
        var output = invoke.Confirmed ? response : new NullBufferWriter();
        switch (request)
        {
            case SetRequestNormal normal:
            {
                if (normal.AccessSelection is not null && !Require(association, Conformance.SelectiveAccess, response))
                {
                    return;
                }
                var result = await WriteAsync(association, normal.AttributeDescriptor, normal.Value, cancellationToken).ConfigureAwait(false);
                new SetResponseNormal(invoke, result).Encode(output);
                return;
            }
            case SetRequestWithList list:
            {
                if (!Require(association, Conformance.MultipleReferences, response))
                {
                    return;
                }
                if (list.Values.Count != list.AttributeDescriptors.Count)
                {
                    Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason, "SET with-list: as many values as attributes are needed");
                    return;
                }
                var results = new DataAccessResult[list.Values.Count];
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = await WriteAsync(association, list.AttributeDescriptors[i].Descriptor, list.Values[i], cancellationToken).ConfigureAwait(false);
                }
                new SetResponseWithList(invoke, results).Encode(output);
                return;
            }
            case SetRequestWithFirstDataBlock first:
            {
                if (!Require(association, Conformance.BlockTransferWithSetOrWrite, response))
                {
                    return;
                }
                var pending = new IncomingBlocks([new CosemAttributeDescriptorWithSelection(first.AttributeDescriptor, first.AccessSelection)], [], isList: false);
                await AcceptSetBlockAsync(association, pending, first.DataBlock, expected: 1, invoke, output, cancellationToken).ConfigureAwait(false);
                return;
            }
            case SetRequestWithListAndFirstDataBlock firstOfList:
            {
                if (!Require(association, Conformance.BlockTransferWithSetOrWrite, response) || !Require(association, Conformance.MultipleReferences, response))
                {
                    return;
                }
                var pending = new IncomingBlocks(firstOfList.AttributeDescriptors, [], isList: true);
                await AcceptSetBlockAsync(association, pending, firstOfList.DataBlock, expected: 1, invoke, output, cancellationToken).ConfigureAwait(false);
                return;
            }
            case SetRequestWithDataBlock next:
            {
                if (association.PendingSet is not { } pending)
                {
                    new SetResponseLastDataBlock(invoke, DataAccessResult.NoLongSetInProgress, next.DataBlock.BlockNumber).Encode(output);
                    return;
                }
                await AcceptSetBlockAsync(association, pending, next.DataBlock, pending.LastBlockNumber + 1, invoke, output, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private async ValueTask AcceptSetBlockAsync(AssociationState association, IncomingBlocks pending, DataBlockSA block, uint expected,
        InvokeIdAndPriority invoke, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        if (block.BlockNumber != expected)
        {
            association.PendingSet = null;
            WriteSetFailure(pending, invoke, block.BlockNumber, DataAccessResult.DataBlockNumberInvalid, output);
            return;
        }
        if (pending.Length + block.RawData.Length > _maxIncomingBlockBytes)
        {
            // A client cannot make the server buffer without bound: the long SET is aborted, the association stays.
            association.PendingSet = null;
            _refusals.Record(RefusalReasons.IncomingBlocksTooLong, $"block SET beyond {_maxIncomingBlockBytes} bytes");
            WriteSetFailure(pending, invoke, block.BlockNumber, DataAccessResult.LongSetAborted, output);
            return;
        }
        pending.Append(block.BlockNumber, block.RawData.Span);
        if (!block.LastBlock)
        {
            association.PendingSet = pending;
            new SetResponseDataBlock(invoke, block.BlockNumber).Encode(output);
            return;
        }
        association.PendingSet = null;
        if (!pending.IsList)
        {
            var result = await WriteAsync(association, pending.Attributes[0].Descriptor, pending.Data, cancellationToken).ConfigureAwait(false);
            new SetResponseLastDataBlock(invoke, result, block.BlockNumber).Encode(output);
            return;
        }
        var results = new DataAccessResult[pending.Attributes.Count];
        if (!TrySplitValues(pending.Data, results.Length, out var values))
        {
            Array.Fill(results, DataAccessResult.TypeUnmatched);
        }
        else
        {
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = await WriteAsync(association, pending.Attributes[i].Descriptor, values[i], cancellationToken).ConfigureAwait(false);
            }
        }
        new SetResponseLastDataBlockWithList(invoke, results, block.BlockNumber).Encode(output);
    }

    private static void WriteSetFailure(IncomingBlocks pending, InvokeIdAndPriority invoke, uint blockNumber, DataAccessResult result, IBufferWriter<byte> output)
    {
        if (pending.IsList)
        {
            var results = new DataAccessResult[pending.Attributes.Count];
            Array.Fill(results, result);
            new SetResponseLastDataBlockWithList(invoke, results, blockNumber).Encode(output);
        }
        else
        {
            new SetResponseLastDataBlock(invoke, result, blockNumber).Encode(output);
        }
    }

    /// <summary>Writes one attribute, enforcing visibility and access rights.</summary>
    private async ValueTask<DataAccessResult> WriteAsync(AssociationState association, CosemAttributeDescriptor descriptor,
        ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        var target = Resolve(association, descriptor.ClassId, descriptor.InstanceId);
        if (target is null || target.FindAttribute(descriptor.AttributeId) is null)
        {
            return DataAccessResult.ObjectUndefined;
        }
        var allowed = CheckWrite(association.Definition.AccessRights.GetAttributeAccess(target, descriptor.AttributeId));
        if (allowed != DataAccessResult.Success)
        {
            return allowed;
        }
        try
        {
            return await target.WriteAttributeAsync(descriptor.AttributeId, value, association.Context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsOwnCancellation(ex, cancellationToken))
        {
            ServerLog.ObjectFailed(_logger, ex, _session, $"{target} attribute {descriptor.AttributeId}", nameof(DataAccessResult.OtherReason));
            return DataAccessResult.OtherReason;
        }
    }

    /// <summary>Splits the joined blocks of a -with-list request: a count, then that many Data values.</summary>
    private static bool TrySplitValues(ReadOnlyMemory<byte> data, int expected, out ReadOnlyMemory<byte>[] values)
    {
        values = new ReadOnlyMemory<byte>[expected];
        try
        {
            var reader = new AxdrReader(data.Span);
            if (reader.ReadLength("value count") != expected)
            {
                return false;
            }
            for (var i = 0; i < expected; i++)
            {
                var start = reader.Position;
                reader.SkipData();
                values[i] = data[start..reader.Position];
            }
            reader.EnsureAtEnd();
            return true;
        }
        catch (CosemEncodingException)
        {
            return false;
        }
    }
}
