using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Client;

// A Write too long for the meter's PDU size goes in write-data-block-access blocks (IEC 62056-5-3 §9.5): the
// encoded WriteRequest after its tag is cut into slices; each slice travels as a WriteRequest whose only variable
// is Write-Data-Block-Access {last-block, block-number} and whose only data is the slice as an octet-string. The
// meter acknowledges each block but the last with a Write-Result block-number and answers the last one with the
// results of the whole Write.
public sealed partial class CosemClient
{
    /// <summary>Sends the Write encoded in <c>_request</c> in blocks and returns the meter's results.</summary>
    private async ValueTask<WriteResult[]> WriteInBlocksAsync(int expected, object what, CancellationToken cancellationToken)
    {
        // The slices are taken from a copy: _request is reused for each block.
        var body = _request.WrittenMemory[1..].ToArray();
        var emptyBlock = new WriteRequest([VariableAccessSpecification.WriteDataBlockAccess(false, 1)], [new byte[] { (byte)DataType.OctetString, 0 }]);
        var room = BlockRoom(emptyBlock, body.Length);
        var offset = 0;
        for (var number = (ushort)1; ; number++)
        {
            var take = Math.Min(room, body.Length - offset);
            var last = offset + take == body.Length;
            if (!last && number == ushort.MaxValue)
            {
                throw new CosemProtocolException($"Writing {what}: {body.Length} bytes need more than {ushort.MaxValue} blocks of {room} bytes.");
            }
            ValueBuffer.ResetWrittenCount();
            var writer = new AxdrWriter(ValueBuffer);
            writer.WriteOctetString(body.AsSpan(offset, take));
            writer.Flush();
            _request.ResetWrittenCount();
            new WriteRequest([VariableAccessSpecification.WriteDataBlockAccess(last, number)], [ValueBuffer.WrittenMemory]).Encode(_request);
            offset += take;
            using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.WriteResponse, AnyInvokeId, protect: true, cancellationToken).ConfigureAwait(false);
            var results = Decode<WriteResponse>(answer.Memory, ApduTag.WriteResponse).Results;
            if (last)
            {
                return CheckWriteResults(results, expected, what);
            }
            switch (results)
            {
                case [{ Kind: WriteResultKind.BlockNumber } ack] when ack.BlockNumber == number:
                    continue;
                case [{ Kind: WriteResultKind.DataAccessError } refused]:
                    // The meter ended the transfer: every variable shares its refusal.
                    return [.. Enumerable.Repeat(refused, expected)];
                default:
                    throw new CosemProtocolException(
                        $"Writing {what}: the meter answered write data block {number} with {results.Count} result(s) instead of its block number.");
            }
        }
    }
}
