using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

// SN Read (IEC 62056-5-3 §9.5): by name, parameterized (selective access on an attribute, or a method call), with
// several variables, and long results sent as data-block-result, the client asking for each next block with
// block-number-access. A single variable's blocks carry its Data; several variables' blocks carry the SEQUENCE OF
// Read-Result, as the LN GET with-list blocks do.
internal sealed partial class ServiceProcessor
{
    // tag, result count, data-block-result choice, last-block, block-number (2).
    private const int ReadBlockOverhead = 6;

    private async ValueTask HandleReadAsync(AssociationState association, ReadRequest request, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var variables = request.Variables;
        if (variables is [{ Kind: VariableAccessKind.BlockNumberAccess } acknowledged])
        {
            ContinueLongRead(association, acknowledged.BlockNumber, response);
            return;
        }
        association.PendingRead = null;
        if (variables.Count > 1 && !association.Allows(Conformance.MultipleReferences))
        {
            RefuseShortName(response, ApduTag.ReadRequest, false, ServiceErrorKind.Service, (byte)ServiceError.ServiceUnsupported, "multiple references not negotiated");
            return;
        }
        foreach (var variable in variables)
        {
            if (variable.Kind == VariableAccessKind.ParameterizedAccess && !association.Allows(Conformance.ParameterizedAccess))
            {
                RefuseShortName(response, ApduTag.ReadRequest, false, ServiceErrorKind.Service, (byte)ServiceError.ServiceUnsupported, "parameterized access not negotiated");
                return;
            }
        }
        _payload.ResetWrittenCount();
        WriteLength(_payload, variables.Count);
        var firstItem = _payload.WrittenCount;
        foreach (var variable in variables)
        {
            await ReadVariableAsync(association, variable, _payload, cancellationToken).ConfigureAwait(false);
        }
        if (1 + _payload.WrittenCount <= association.ClientMaxReceivePduSize)
        {
            WriteByte(response, (byte)ApduTag.ReadResponse);
            response.Write(_payload.WrittenSpan);
            return;
        }
        // Too long for one APDU: one variable's blocks carry its Data (after the count and the data choice), several
        // variables' the whole list.
        var single = variables.Count == 1 && _payload.WrittenSpan[firstItem] == (byte)ReadResultKind.Data;
        var content = single ? _payload.WrittenSpan[(firstItem + 1)..] : _payload.WrittenSpan;
        var blockSize = BlockSize(association.ClientMaxReceivePduSize, ReadBlockOverhead);
        if (!association.Allows(Conformance.BlockTransferWithGetOrRead) || content.Length / blockSize >= ushort.MaxValue)
        {
            var reason = $"Read answer of {content.Length} bytes exceeds the client PDU size and cannot go in blocks";
            _refusals.Record(RefusalReasons.AnswerTooLong, reason);
            var errors = new ReadResult[variables.Count];
            Array.Fill(errors, ReadResult.FromError(DataAccessResult.OtherReason));
            new ReadResponse(errors).Encode(response);
            return;
        }
        association.PendingRead = new OutgoingBlocks(content.ToArray());
        WriteNextReadBlock(association, response);
    }

    /// <summary>Appends one Read-Result for <paramref name="variable"/> to <paramref name="output"/>.</summary>
    private async ValueTask ReadVariableAsync(AssociationState association, VariableAccessSpecification variable, ArrayBufferWriter<byte> output,
        CancellationToken cancellationToken)
    {
        if (variable.Kind is not (VariableAccessKind.VariableName or VariableAccessKind.ParameterizedAccess))
        {
            // Block access inside a list, or long read parameters (read-data-block-access): not served.
            WriteReadError(output, DataAccessResult.OtherReason);
            return;
        }
        if (!TryResolveShortName(association, variable.VariableName, out var attribute, out var method, out var isMethod))
        {
            WriteReadError(output, DataAccessResult.ObjectUndefined);
            return;
        }
        var parameterized = variable.Kind == VariableAccessKind.ParameterizedAccess;
        if (isMethod)
        {
            var invoked = await InvokeMethodAsync(association, method, parameterized ? variable.Parameter : NullDataValue, cancellationToken).ConfigureAwait(false);
            if (invoked != ActionResult.Success)
            {
                // action-result and data-access-result share their codes for the failures both name.
                WriteReadError(output, (DataAccessResult)(byte)invoked);
                return;
            }
            WriteByte(output, (byte)ReadResultKind.Data);
            output.Write(_value.WrittenCount > 0 ? _value.WrittenSpan : NullDataValue);
            return;
        }
        _value.ResetWrittenCount();
        var selection = parameterized ? new SelectiveAccessDescriptor(variable.Selector, variable.Parameter) : (SelectiveAccessDescriptor?)null;
        var result = await ReadAsync(association, attribute, selection, _value, cancellationToken).ConfigureAwait(false);
        if (result != DataAccessResult.Success)
        {
            WriteReadError(output, result);
            return;
        }
        WriteByte(output, (byte)ReadResultKind.Data);
        output.Write(_value.WrittenSpan);
    }

    private static void WriteReadError(IBufferWriter<byte> output, DataAccessResult result)
    {
        WriteByte(output, (byte)ReadResultKind.DataAccessError);
        WriteByte(output, (byte)result);
    }

    private static void ContinueLongRead(AssociationState association, ushort acknowledged, IBufferWriter<byte> response)
    {
        var pending = association.PendingRead;
        if (pending is null || acknowledged != pending.LastBlockSent)
        {
            // No long read, or not the block just sent (IEC 62056-5-3 §9.5): the transfer is abandoned.
            association.PendingRead = null;
            new ReadResponse([ReadResult.FromError(pending is null ? DataAccessResult.NoLongGetInProgress : DataAccessResult.DataBlockNumberInvalid)])
                .Encode(response);
            return;
        }
        WriteNextReadBlock(association, response);
    }

    private static void WriteNextReadBlock(AssociationState association, IBufferWriter<byte> response)
    {
        var pending = association.PendingRead!;
        var block = pending.Next(BlockSize(association.ClientMaxReceivePduSize, ReadBlockOverhead));
        var last = pending.IsComplete;
        new ReadResponse([ReadResult.FromDataBlock(last, (ushort)pending.LastBlockSent, block)]).Encode(response);
        if (last)
        {
            association.PendingRead = null;
        }
    }
}
