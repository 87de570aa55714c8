using System.Buffers;
using System.Runtime.CompilerServices;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Reads a profile's buffer (Profile generic attribute 2, Blue Book §4.3.6) as typed rows that stream while the
/// answer arrives: over a <see cref="CosemClient"/> each GET-Response-With-Datablock is decoded as soon as it is
/// received, so memory is bounded by one block and the rows the caller keeps, not by the whole buffer.
/// </summary>
public static class ProfileRowReader
{
    /// <summary>
    /// Reads <paramref name="buffer"/> (optionally with selective access) and yields each row as
    /// <paramref name="decodeRow"/> decodes it from the row's A-XDR structure.
    /// </summary>
    /// <param name="session">The association; a <see cref="CosemClient"/> streams block by block, any other session
    /// reads the answer whole and then yields its rows.</param>
    /// <param name="buffer">The buffer attribute of the profile.</param>
    /// <param name="access">Range or entry descriptor, or null for the whole buffer.</param>
    /// <param name="decodeRow">Reads one row (the structure, header included, and nothing after it: the reader may hold
    /// the rest of the block) from the reader, allocation free for
    /// a value type row.</param>
    /// <param name="cancellationToken">Stops the transfer: no further block is asked for.</param>
    /// <returns>The rows; the next row of a block already received is handed out synchronously.</returns>
    /// <remarks>The association is busy until the enumeration ends; do not use it from inside the loop (collect the
    /// rows first). Breaking out of the loop early ends the transfer the same way cancellation does.</remarks>
    public static IAsyncEnumerable<TRow> ReadAsync<TRow>(ICosemSession session, CosemAttributeDescriptor buffer, SelectiveAccessDescriptor? access,
        AxdrDecoder<TRow> decodeRow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decodeRow);
        return new ProfileRowStream<TRow>(
            session is CosemClient client
                ? token => client.GetChunksAsync(buffer, access, token)
                : token => WholeAnswerInPiecesAsync(session, buffer, access, token),
            decodeRow, cancellationToken);
    }

    // Sessions other than the client hand over the answer whole; it is copied once into a pooled array (the span
    // handed to the decoder lives only during the call) and cut into pieces so the rows decoded ahead of the caller
    // stay few.
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> WholeAnswerInPiecesAsync(ICosemSession session, CosemAttributeDescriptor buffer,
        SelectiveAccessDescriptor? access, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int PieceSize = 16 * 1024;
        AxdrDecoder<ArraySegment<byte>> whole = static (ref AxdrReader reader) =>
        {
            var rest = reader.ReadRemaining();
            var copy = ArrayPool<byte>.Shared.Rent(rest.Length);
            rest.CopyTo(copy);
            return new ArraySegment<byte>(copy, 0, rest.Length);
        };
        var bytes = access is null
            ? await session.GetAsync(buffer, whole, cancellationToken).ConfigureAwait(false)
            : await session.GetAsync(buffer, access.Value, whole, cancellationToken).ConfigureAwait(false);
        try
        {
            for (int at = 0; at < bytes.Count; at += PieceSize)
            {
                yield return bytes.AsMemory(at, Math.Min(PieceSize, bytes.Count - at));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes.Array!);
        }
    }
}
