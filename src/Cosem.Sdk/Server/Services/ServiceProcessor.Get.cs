using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Server;

// GET (IEC 62056-5-3 §9.4.6.3): normal, with-list, and long answers as GetResponseWithDataBlock fetched with
// GetRequestNext. Responses are written directly, the hot path of every meter read.
internal sealed partial class ServiceProcessor
{
    private const byte GetNormalChoice = 1;
    private const byte GetDataBlockChoice = 2;
    private const byte GetWithListChoice = 3;

    // tag, choice, invoke-id-and-priority, last-block, block-number (4), raw-data choice.
    private const int DataBlockOverhead = 9;

    private async ValueTask HandleGetAsync(AssociationState association, GetRequest request, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var invoke = request.InvokeIdAndPriority.Value;
        switch (request)
        {
            case GetRequestNormal normal:
            {
                if (normal.AccessSelection is not null && !Require(association, Conformance.SelectiveAccess, response))
                {
                    return;
                }
                _payload.ResetWrittenCount();
                var result = await ReadAsync(association, normal.AttributeDescriptor, normal.AccessSelection, _payload, cancellationToken).ConfigureAwait(false);
                if (result != DataAccessResult.Success)
                {
                    WriteGetHeader(response, GetNormalChoice, invoke, 2);
                    WriteByte(response, 1); // Get-Data-Result: data-access-result
                    WriteByte(response, (byte)result);
                    return;
                }
                if (4 + _payload.WrittenCount <= association.MaxResponseLength)
                {
                    WriteGetHeader(response, GetNormalChoice, invoke, 1);
                    WriteByte(response, 0); // Get-Data-Result: data
                    response.Write(_payload.WrittenSpan);
                    return;
                }
                StartLongGet(association, invoke, response, listFallback: false);
                return;
            }
            case GetRequestWithList list:
            {
                if (!Require(association, Conformance.MultipleReferences, response))
                {
                    return;
                }
                var selective = false;
                foreach (var item in list.AttributeDescriptors)
                {
                    selective |= item.AccessSelection is not null;
                }
                if (selective && !Require(association, Conformance.SelectiveAccess, response))
                {
                    return;
                }
                _payload.ResetWrittenCount();
                WriteLength(_payload, list.AttributeDescriptors.Count);
                foreach (var item in list.AttributeDescriptors)
                {
                    _value.ResetWrittenCount();
                    var result = await ReadAsync(association, item.Descriptor, item.AccessSelection, _value, cancellationToken).ConfigureAwait(false);
                    if (result == DataAccessResult.Success)
                    {
                        WriteByte(_payload, 0);
                        _payload.Write(_value.WrittenSpan);
                    }
                    else
                    {
                        WriteByte(_payload, 1);
                        WriteByte(_payload, (byte)result);
                    }
                }
                if (3 + _payload.WrittenCount <= association.MaxResponseLength)
                {
                    WriteGetHeader(response, GetWithListChoice, invoke, 0);
                    response.Write(_payload.WrittenSpan);
                    return;
                }
                StartLongGet(association, invoke, response, listFallback: true);
                return;
            }
            case GetRequestNext next:
                ContinueLongGet(association, invoke, next.BlockNumber, response);
                return;
        }
    }

    /// <summary>Reads one attribute into <paramref name="output"/>, enforcing visibility and access rights.</summary>
    private async ValueTask<DataAccessResult> ReadAsync(
        AssociationState association, CosemAttributeDescriptor descriptor, SelectiveAccessDescriptor? selection,
        ArrayBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        var target = Resolve(association, descriptor.ClassId, descriptor.InstanceId);
        if (target is null || target.FindAttribute(descriptor.AttributeId) is null)
        {
            return DataAccessResult.ObjectUndefined;
        }
        var allowed = CheckRead(association.Definition.AccessRights.GetAttributeAccess(target, descriptor.AttributeId));
        if (allowed != DataAccessResult.Success)
        {
            return allowed;
        }
        if (descriptor.AttributeId == 1 && selection is null && descriptor.InstanceId == ObjectModel.RequestContext.CurrentAssociation
            && ReferenceEquals(target, association.DefinitionObject))
        {
            // logical_name read through the alias answers the alias (Blue Book §4.4.4, as the DLMS UA conformance
            // test plan checks it): the client named 0.0.40.0.0.255, so that is the name of what it reads. Through its
            // own instance name the object answers its own name. GET normal, GET with-list and ACCESS all read here.
            WriteLogicalName(output, ObjectModel.RequestContext.CurrentAssociation);
            return DataAccessResult.Success;
        }
        var start = output.WrittenCount;
        DataAccessResult result;
        try
        {
            result = await target.ReadAttributeAsync(descriptor.AttributeId, selection, association.Context, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsOwnCancellation(ex, cancellationToken))
        {
            // A failing object costs its client this one value (IEC 62056-5-3: data-access-result), nothing more.
            ServerLog.ObjectFailed(_logger, ex, _session, $"{target} attribute {descriptor.AttributeId}", nameof(DataAccessResult.OtherReason));
            result = DataAccessResult.OtherReason;
        }
        if (result != DataAccessResult.Success)
        {
            Truncate(output, start);
        }
        return result;
    }

    private void StartLongGet(AssociationState association, byte invoke, IBufferWriter<byte> response, bool listFallback)
    {
        if (!association.Allows(Conformance.BlockTransferWithGetOrRead))
        {
            // Too long for one APDU and no block transfer negotiated: the value cannot be delivered.
            var reason = $"answer of {_payload.WrittenCount} bytes exceeds the client PDU size and block transfer is not negotiated";
            if (listFallback)
            {
                Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.PduTooLong, reason);
            }
            else
            {
                _refusals.Record(RefusalReasons.AnswerTooLong, reason);
                WriteGetHeader(response, GetNormalChoice, invoke, 2);
                WriteByte(response, 1);
                WriteByte(response, (byte)DataAccessResult.OtherReason);
            }
            return;
        }
        // The answer is sent from the buffer it was written into; the payload buffer of the last long GET, whose
        // blocks are all sent, takes its place here.
        association.PendingGet = new OutgoingBlocks(_payload);
        _payload = association.SpareBlockBuffer ?? new ArrayBufferWriter<byte>(256);
        association.SpareBlockBuffer = null;
        _payload.ResetWrittenCount();
        WriteNextGetBlock(association, invoke, response);
    }

    private static void ContinueLongGet(AssociationState association, byte invoke, uint acknowledged, IBufferWriter<byte> response)
    {
        var pending = association.PendingGet;
        if (pending is null)
        {
            WriteGetBlockResult(response, invoke, acknowledged, DataAccessResult.NoLongGetInProgress);
            return;
        }
        if (acknowledged != pending.LastBlockSent)
        {
            // The client must acknowledge the block just sent (IEC 62056-5-3 §9.4.6.3): the long GET is abandoned.
            association.PendingGet = null;
            WriteGetBlockResult(response, invoke, acknowledged, DataAccessResult.DataBlockNumberInvalid);
            return;
        }
        WriteNextGetBlock(association, invoke, response);
    }

    private static void WriteNextGetBlock(AssociationState association, byte invoke, IBufferWriter<byte> response)
    {
        var pending = association.PendingGet!;
        var block = pending.Next(BlockSize(association.ClientMaxReceivePduSize, DataBlockOverhead));
        var last = pending.IsComplete;
        WriteGetHeader(response, GetDataBlockChoice, invoke, 6);
        var span = response.GetSpan(6);
        span[0] = last ? (byte)1 : (byte)0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span[1..], pending.LastBlockSent);
        span[5] = 0; // raw-data
        response.Advance(6);
        WriteLength(response, block.Length);
        response.Write(block.Span);
        if (last)
        {
            association.PendingGet = null;
            association.SpareBlockBuffer = pending.ReleaseBuffer();
        }
    }

    private static void WriteGetBlockResult(IBufferWriter<byte> response, byte invoke, uint blockNumber, DataAccessResult result)
    {
        WriteGetHeader(response, GetDataBlockChoice, invoke, 7);
        var span = response.GetSpan(7);
        span[0] = 1; // last-block: the transfer ends here
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span[1..], blockNumber);
        span[5] = 1; // data-access-result
        span[6] = (byte)result;
        response.Advance(7);
    }

    private static void WriteGetHeader(IBufferWriter<byte> response, byte choice, byte invoke, int reserve)
    {
        var span = response.GetSpan(3 + reserve);
        span[0] = (byte)ApduTag.GetResponse;
        span[1] = choice;
        span[2] = invoke;
        response.Advance(3);
    }

    /// <summary>An octet-string of 6: the A-XDR encoding of a logical_name attribute.</summary>
    private static void WriteLogicalName(IBufferWriter<byte> output, Obis.ObisCode name)
    {
        var span = output.GetSpan(8);
        span[0] = (byte)Axdr.DataType.OctetString;
        span[1] = 6;
        name.CopyTo(span[2..8]);
        output.Advance(8);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static void WriteLength(IBufferWriter<byte> output, int length)
    {
        var writer = new AxdrWriter(output);
        writer.WriteLength(length);
        writer.Flush();
    }

    /// <summary>Drops what a failed read left behind.</summary>
    private static void Truncate(ArrayBufferWriter<byte> output, int length)
    {
        if (output.WrittenCount == length)
        {
            return;
        }
        var kept = output.WrittenSpan[..length].ToArray();
        output.ResetWrittenCount();
        output.Write(kept);
    }
}
