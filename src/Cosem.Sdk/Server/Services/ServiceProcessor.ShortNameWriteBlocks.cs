using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Server;

// A long SN Write in blocks (IEC 62056-5-3 §9.5, write-data-block-access): each WriteRequest carries one
// Write-Data-Block-Access {last-block, block-number} as its only variable and one octet-string as its only data,
// a slice of the whole WriteRequest after its tag. Each block but the last is acknowledged with a Write-Result
// block-number; the last one joins the slices and the joined WriteRequest is served as if it had come whole.
// Blocks start at 1 and follow one another; the joined bytes are bounded by MaxIncomingBlockBytes.
internal sealed partial class ServiceProcessor
{
    private async ValueTask HandleWriteBlockAsync(AssociationState association, VariableAccessSpecification block,
        IReadOnlyList<ReadOnlyMemory<byte>> data, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        if (!association.Allows(Conformance.BlockTransferWithSetOrWrite))
        {
            association.PendingWrite = null;
            RefuseShortName(response, ApduTag.WriteRequest, false, ServiceErrorKind.Service, (byte)ServiceError.ServiceUnsupported,
                "block transfer with write not negotiated");
            return;
        }
        if (!TryReadBlockData(data, out var raw))
        {
            association.PendingWrite = null;
            RefuseWriteBlock(response, DataAccessResult.TypeUnmatched, "a write data block whose data is not one octet-string");
            return;
        }
        var pending = association.PendingWrite;
        if (block.BlockNumber == 1)
        {
            pending = new ShortNameWriteBlocks();
        }
        else if (pending is null || block.BlockNumber != pending.LastBlockNumber + 1)
        {
            association.PendingWrite = null;
            RefuseWriteBlock(response, pending is null ? DataAccessResult.NoLongSetInProgress : DataAccessResult.DataBlockNumberInvalid,
                pending is null
                    ? $"write data block {block.BlockNumber} with no block write in progress"
                    : $"write data block {block.BlockNumber} after block {pending.LastBlockNumber}");
            return;
        }
        if (pending.Length + raw.Length > _maxIncomingBlockBytes)
        {
            association.PendingWrite = null;
            _refusals.Record(RefusalReasons.IncomingBlocksTooLong, $"block Write beyond {_maxIncomingBlockBytes} bytes");
            new WriteResponse([WriteResult.FromError(DataAccessResult.LongSetAborted)]).Encode(response);
            return;
        }
        pending.Append(block.BlockNumber, raw.Span);
        if (!block.LastBlock)
        {
            association.PendingWrite = pending;
            new WriteResponse([WriteResult.FromBlockNumber(block.BlockNumber)]).Encode(response);
            return;
        }
        association.PendingWrite = null;
        var joined = new byte[pending.Length + 1];
        joined[0] = (byte)ApduTag.WriteRequest;
        pending.Data.Span.CopyTo(joined.AsSpan(1));
        WriteRequest whole;
        try
        {
            whole = (WriteRequest)ApduDecoder.DecodeXdlms(joined);
        }
        catch (CosemEncodingException ex)
        {
            RefuseShortName(response, ApduTag.WriteRequest, false, ServiceErrorKind.Service, (byte)ServiceError.Other,
                $"the WriteRequest joined from {block.BlockNumber} blocks is malformed: {ex.Message}");
            return;
        }
        foreach (var variable in whole.Variables)
        {
            if (variable.Kind == VariableAccessKind.WriteDataBlockAccess)
            {
                RefuseWriteBlock(response, DataAccessResult.OtherReason, "a WriteRequest joined from blocks that asks for blocks again");
                return;
            }
        }
        await HandleShortNameWriteAsync(association, whole, response, unconfirmed: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The raw bytes of a write data block: the request's one Data, an octet-string.</summary>
    private static bool TryReadBlockData(IReadOnlyList<ReadOnlyMemory<byte>> data, out ReadOnlyMemory<byte> raw)
    {
        raw = default;
        if (data is not [var value] || value.Length < 2 || value.Span[0] != (byte)DataType.OctetString)
        {
            return false;
        }
        try
        {
            var reader = new AxdrReader(value.Span);
            var bytes = reader.ReadOctetString();
            if (!reader.RemainingBytes.IsEmpty)
            {
                return false;
            }
            raw = value[(value.Length - bytes.Length)..];
            return true;
        }
        catch (CosemEncodingException)
        {
            return false;
        }
    }

    /// <summary>Ends a block write: one Write-Result with the error, counted and logged like any refusal.</summary>
    private void RefuseWriteBlock(IBufferWriter<byte> response, DataAccessResult error, string reason)
    {
        _refusals.Record(RefusalReasons.ForServiceError(ExceptionServiceError.OtherReason), reason);
        new WriteResponse([WriteResult.FromError(error)]).Encode(response);
    }
}
