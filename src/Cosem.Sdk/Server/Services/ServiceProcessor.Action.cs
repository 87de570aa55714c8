using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

// ACTION (IEC 62056-5-3 §9.4.6.5): normal and with-list; long parameters received in blocks (with-first-pblock,
// with-pblock, with-list-and-first-pblock, each acknowledged by ActionResponseNextPBlock), long answers sent as
// ActionResponseWithPBlock blocks fetched with ActionRequestNextPBlock. The blocks of a long answer carry the
// encoded Action-Response-With-Optional-Data (or the list of them).
internal sealed partial class ServiceProcessor
{
    // tag, choice, invoke-id-and-priority, last-block, block-number (4).
    private const int PBlockOverhead = 8;

    private async ValueTask HandleActionAsync(AssociationState association, ActionRequest request, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var invoke = request.InvokeIdAndPriority;
        var output = invoke.Confirmed ? response : new NullBufferWriter();
        switch (request)
        {
            case ActionRequestNormal normal:
            {
                _payload.ResetWrittenCount();
                await InvokeAsync(association, normal.MethodDescriptor, normal.Parameters ?? ReadOnlyMemory<byte>.Empty, _payload, cancellationToken).ConfigureAwait(false);
                SendActionAnswer(association, invoke, isList: false, output);
                return;
            }
            case ActionRequestWithList list:
            {
                if (!Require(association, Conformance.MultipleReferences, response))
                {
                    return;
                }
                if (list.Parameters.Count != list.MethodDescriptors.Count)
                {
                    Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason, "ACTION with-list: as many parameters as methods are needed");
                    return;
                }
                _payload.ResetWrittenCount();
                WriteLength(_payload, list.MethodDescriptors.Count);
                for (var i = 0; i < list.MethodDescriptors.Count; i++)
                {
                    await InvokeAsync(association, list.MethodDescriptors[i], list.Parameters[i], _payload, cancellationToken).ConfigureAwait(false);
                }
                SendActionAnswer(association, invoke, isList: true, output);
                return;
            }
            case ActionRequestWithFirstPBlock first:
                if (!Require(association, Conformance.BlockTransferWithAction, response))
                {
                    return;
                }
                await AcceptActionBlockAsync(association, new IncomingBlocks([], [first.MethodDescriptor], isList: false), first.PBlock, 1, invoke, output, cancellationToken).ConfigureAwait(false);
                return;
            case ActionRequestWithListAndFirstPBlock firstOfList:
                if (!Require(association, Conformance.BlockTransferWithAction, response) || !Require(association, Conformance.MultipleReferences, response))
                {
                    return;
                }
                await AcceptActionBlockAsync(association, new IncomingBlocks([], firstOfList.MethodDescriptors, isList: true), firstOfList.PBlock, 1, invoke, output, cancellationToken).ConfigureAwait(false);
                return;
            case ActionRequestWithPBlock next:
                if (association.PendingActionParameters is not { } pending)
                {
                    WriteActionFailure(invoke, ActionResult.OtherReason, output);
                    return;
                }
                await AcceptActionBlockAsync(association, pending, next.PBlock, pending.LastBlockNumber + 1, invoke, output, cancellationToken).ConfigureAwait(false);
                return;
            case ActionRequestNextPBlock nextOut:
                if (association.PendingActionResult is not { } outgoing || nextOut.BlockNumber != outgoing.LastBlockSent)
                {
                    association.PendingActionResult = null;
                    WriteActionFailure(invoke, ActionResult.DataBlockUnavailable, output);
                    return;
                }
                WriteNextActionBlock(association, invoke, output);
                return;
        }
    }

    private async ValueTask AcceptActionBlockAsync(AssociationState association, IncomingBlocks pending, DataBlockSA block, uint expected,
        InvokeIdAndPriority invoke, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        if (block.BlockNumber != expected)
        {
            association.PendingActionParameters = null;
            WriteActionFailure(invoke, ActionResult.DataBlockUnavailable, output);
            return;
        }
        if (pending.Length + block.RawData.Length > _maxIncomingBlockBytes)
        {
            association.PendingActionParameters = null;
            _refusals.Record(RefusalReasons.IncomingBlocksTooLong, $"block ACTION beyond {_maxIncomingBlockBytes} bytes");
            WriteActionFailure(invoke, ActionResult.LongActionAborted, output);
            return;
        }
        pending.Append(block.BlockNumber, block.RawData.Span);
        if (!block.LastBlock)
        {
            association.PendingActionParameters = pending;
            new ActionResponseNextPBlock(invoke, block.BlockNumber).Encode(output);
            return;
        }
        association.PendingActionParameters = null;
        _payload.ResetWrittenCount();
        if (!pending.IsList)
        {
            await InvokeAsync(association, pending.Methods[0], pending.Data, _payload, cancellationToken).ConfigureAwait(false);
            SendActionAnswer(association, invoke, isList: false, output);
            return;
        }
        WriteLength(_payload, pending.Methods.Count);
        if (!TrySplitValues(pending.Data, pending.Methods.Count, out var parameters))
        {
            foreach (var _ in pending.Methods)
            {
                WriteActionResult(_payload, ActionResult.TypeUnmatched);
            }
        }
        else
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                await InvokeAsync(association, pending.Methods[i], parameters[i], _payload, cancellationToken).ConfigureAwait(false);
            }
        }
        SendActionAnswer(association, invoke, isList: true, output);
    }

    /// <summary>
    /// Invokes one method, enforcing visibility and access rights, and appends its Action-Response-With-Optional-Data
    /// to <paramref name="output"/>.
    /// </summary>
    private async ValueTask InvokeAsync(AssociationState association, CosemMethodDescriptor descriptor, ReadOnlyMemory<byte> parameter,
        ArrayBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        var result = await InvokeMethodAsync(association, descriptor, parameter, cancellationToken).ConfigureAwait(false);
        if (result == ActionResult.Success && _value.WrittenCount > 0)
        {
            // result, return-parameters present, Get-Data-Result data.
            WriteByte(output, (byte)result);
            WriteByte(output, 1);
            WriteByte(output, 0);
            output.Write(_value.WrittenSpan);
        }
        else
        {
            WriteActionResult(output, result);
        }
    }

    /// <summary>
    /// Invokes one method, enforcing visibility and access rights; its return data (if any) is left in
    /// <see cref="_value"/>, which is empty unless the result is success.
    /// </summary>
    private async ValueTask<ActionResult> InvokeMethodAsync(AssociationState association, CosemMethodDescriptor descriptor,
        ReadOnlyMemory<byte> parameter, CancellationToken cancellationToken)
    {
        _value.ResetWrittenCount();
        var target = Resolve(association, descriptor.ClassId, descriptor.InstanceId);
        if (target is null || target.FindMethod(descriptor.MethodId) is null)
        {
            return ActionResult.ObjectUndefined;
        }
        var pendingHls = association.Status != AssociationStatus.Associated;
        var allowed = pendingHls
            ? (ReferenceEquals(target, association.DefinitionObject) && descriptor.MethodId == HlsReplyMethod(target.ClassId) ? ActionResult.Success : ActionResult.ReadWriteDenied)
            : CheckInvoke(association.Definition.AccessRights.GetMethodAccess(target, descriptor.MethodId));
        if (allowed != ActionResult.Success)
        {
            return allowed;
        }
        ActionResult result;
        try
        {
            result = await target.InvokeMethodAsync(descriptor.MethodId, parameter, association.Context, _value, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsOwnCancellation(ex, cancellationToken))
        {
            ServerLog.ObjectFailed(_logger, ex, _session, $"{target} method {descriptor.MethodId}", nameof(ActionResult.OtherReason));
            result = ActionResult.OtherReason;
        }
        if (result != ActionResult.Success)
        {
            _value.ResetWrittenCount();
        }
        return result;
    }

    private static void WriteActionResult(IBufferWriter<byte> output, ActionResult result)
    {
        WriteByte(output, (byte)result);
        WriteByte(output, 0); // no return-parameters
    }

    private void SendActionAnswer(AssociationState association, InvokeIdAndPriority invoke, bool isList, IBufferWriter<byte> output)
    {
        if (3 + _payload.WrittenCount <= association.MaxResponseLength)
        {
            var header = output.GetSpan(3);
            header[0] = (byte)ApduTag.ActionResponse;
            header[1] = isList ? (byte)3 : (byte)1;
            header[2] = invoke.Value;
            output.Advance(3);
            output.Write(_payload.WrittenSpan);
            return;
        }
        if (!association.Allows(Conformance.BlockTransferWithAction))
        {
            _refusals.Record(RefusalReasons.AnswerTooLong, $"ACTION answer of {_payload.WrittenCount} bytes exceeds the client PDU size and block transfer is not negotiated");
            WriteActionFailure(invoke, ActionResult.OtherReason, output);
            return;
        }
        association.PendingActionResult = new OutgoingBlocks(_payload.WrittenSpan.ToArray());
        WriteNextActionBlock(association, invoke, output);
    }

    private static void WriteNextActionBlock(AssociationState association, InvokeIdAndPriority invoke, IBufferWriter<byte> output)
    {
        var pending = association.PendingActionResult!;
        var block = pending.Next(BlockSize(association.ClientMaxReceivePduSize, PBlockOverhead));
        if (pending.IsComplete)
        {
            association.PendingActionResult = null;
        }
        new ActionResponseWithPBlock(invoke, new DataBlockSA(pending.IsComplete, pending.LastBlockSent, block)).Encode(output);
    }

    private static void WriteActionFailure(InvokeIdAndPriority invoke, ActionResult result, IBufferWriter<byte> output) =>
        new ActionResponseNormal(invoke, new ActionResponseWithOptionalData(result)).Encode(output);
}
