using System.Runtime.CompilerServices;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

// A GET whose answer is handed out block by block as it arrives (IEC 62056-5-3 §9.4.6.2, GET-Response-With-Datablock),
// so a long profile is decoded while it is read and never held whole. Kept apart from CosemClient.Get.cs, which joins.
public sealed partial class CosemClient
{
    /// <summary>
    /// Reads one attribute and yields the encoded value in the pieces the meter sends it in: the raw-data of each
    /// GET-Response-With-Datablock, or the whole value of a normal answer (short-name associations and general block
    /// transfer join before this point). Each piece is valid until the enumerator moves on.
    /// </summary>
    /// <remarks>
    /// The association is held for the whole enumeration: do not call the session from inside the loop. Each block
    /// gets the full request time-out; there is no bound on the total size (nothing is kept), only on the blocks the
    /// caller keeps. Stopping early (break, cancellation) sends no further GET-Request-Next: the meter's pending
    /// transfer is dropped by the next GET-Request-Normal, which starts a new one.
    /// </remarks>
    internal async IAsyncEnumerable<ReadOnlyMemory<byte>> GetChunksAsync(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (IsShortName)
        {
            yield return await ShortNameGetAsync(attribute, access, static (ref AxdrReader reader) => (ReadOnlyMemory<byte>)reader.ReadRemaining().ToArray(),
                cancellationToken).ConfigureAwait(false);
            yield break;
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
            EnsureFits(_request.WrittenCount, "The GET request");
            uint received = 0;
            while (true)
            {
                Transport.ApduMessage message;
                using (StartExchange())
                {
                    message = await ExchangeAsync(_request.WrittenMemory, ApduTag.GetResponse, invoke.InvokeId, protect: true, cancellationToken)
                        .ConfigureAwait(false);
                }
                using (message)
                {
                    var response = DecodeGetResponse(message.Memory, 0);
                    if (received == 0 && response is GetResponseNormal normal)
                    {
                        if (!normal.Result.HasData)
                        {
                            throw new CosemServiceException(normal.Result.AccessResult,
                                $"Reading {attribute} failed: data-access-result {normal.Result.AccessResult}.");
                        }
                        yield return normal.Result.Data;
                        yield break;
                    }
                    if (response is not GetResponseWithDataBlock next)
                    {
                        throw new CosemProtocolException(received == 0
                            ? $"The meter answered a GET-Request-Normal for {attribute} with a GET-Response-With-List."
                            : $"Reading {attribute}: the meter left a block transfer without sending its last block.");
                    }
                    var block = next.Block;
                    received++;
                    if (!block.HasRawData)
                    {
                        throw new CosemServiceException(block.AccessResult, $"Reading {attribute} failed in block {block.BlockNumber}: data-access-result {block.AccessResult}.");
                    }
                    if (block.BlockNumber != received)
                    {
                        throw new CosemProtocolException($"Reading {attribute}: the meter sent block {block.BlockNumber} where block {received} was expected.");
                    }
                    yield return block.RawData;
                    if (block.LastBlock)
                    {
                        yield break;
                    }
                }
                cancellationToken.ThrowIfCancellationRequested();
                _request.ResetWrittenCount();
                new GetRequestNext(invoke, received).Encode(_request);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
