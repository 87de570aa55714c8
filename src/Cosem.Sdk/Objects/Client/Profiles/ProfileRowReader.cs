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
/// <remarks>The association is busy until the enumeration ends; do not use it from inside the loop (collect the
/// rows first). Breaking out of the loop early ends the transfer the same way cancellation does. The batch reads
/// (<c>ReadBatchesAsync</c>) are the fastest: one await per block and a plain loop over each block's rows.</remarks>
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
    public static IAsyncEnumerable<TRow> ReadAsync<TRow>(ICosemSession session, CosemAttributeDescriptor buffer, SelectiveAccessDescriptor? access,
        AxdrDecoder<TRow> decodeRow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decodeRow);
        return new ProfileRowStream<TRow, DelegateRowDecoder<TRow>>(Batches<TRow, DelegateRowDecoder<TRow>>(session, buffer, access, new DelegateRowDecoder<TRow>(decodeRow), cancellationToken));
    }

    /// <summary>
    /// Reads <paramref name="buffer"/> (optionally with selective access) and yields each row as the row type's own
    /// <see cref="ITypedProfileRow{TSelf}.Decode"/> reads it: no delegate call per row (what the generated typed
    /// proxies' <c>ReadAllAsync</c> use).
    /// </summary>
    /// <typeparam name="TRow">The row type, such as one the generator emits from a device profile.</typeparam>
    /// <param name="session">The association; a <see cref="CosemClient"/> streams block by block.</param>
    /// <param name="buffer">The buffer attribute of the profile.</param>
    /// <param name="access">Range or entry descriptor, or null for the whole buffer.</param>
    /// <param name="cancellationToken">Stops the transfer: no further block is asked for.</param>
    /// <returns>The rows; the next row of a block already received is handed out synchronously.</returns>
    public static IAsyncEnumerable<TRow> ReadAsync<TRow>(ICosemSession session, CosemAttributeDescriptor buffer, SelectiveAccessDescriptor? access,
        CancellationToken cancellationToken = default)
        where TRow : ITypedProfileRow<TRow> =>
        new ProfileRowStream<TRow, TypedRowDecoder<TRow>>(Batches<TRow, TypedRowDecoder<TRow>>(session, buffer, access, default, cancellationToken));

    /// <summary>
    /// Reads <paramref name="buffer"/> a batch of rows at a time: every row a received block completes, decoded in one
    /// loop by the row type's own <see cref="ITypedProfileRow{TSelf}.Decode"/>. One await per block instead of one
    /// per row; loop over each batch's <see cref="ReadOnlyMemory{T}.Span"/>.
    /// </summary>
    /// <typeparam name="TRow">The row type, such as one the generator emits from a device profile.</typeparam>
    /// <param name="session">The association; a <see cref="CosemClient"/> streams block by block, any other session
    /// reads the answer whole and hands it over in pieces of 16 KB.</param>
    /// <param name="buffer">The buffer attribute of the profile.</param>
    /// <param name="access">Range or entry descriptor, or null for the whole buffer.</param>
    /// <param name="cancellationToken">Stops the transfer: no further block is asked for.</param>
    /// <returns>Batches of one or more rows each. A batch lies in a pooled array that the next batch reuses: copy the
    /// rows you keep before moving on.</returns>
    public static IAsyncEnumerable<ReadOnlyMemory<TRow>> ReadBatchesAsync<TRow>(ICosemSession session, CosemAttributeDescriptor buffer,
        SelectiveAccessDescriptor? access, CancellationToken cancellationToken = default)
        where TRow : ITypedProfileRow<TRow> =>
        Batches<TRow, TypedRowDecoder<TRow>>(session, buffer, access, default, cancellationToken);

    /// <summary>
    /// Reads <paramref name="buffer"/> a batch of rows at a time, each row as <paramref name="decodeRow"/> decodes it:
    /// one await per block instead of one per row.
    /// </summary>
    /// <param name="session">The association; a <see cref="CosemClient"/> streams block by block.</param>
    /// <param name="buffer">The buffer attribute of the profile.</param>
    /// <param name="access">Range or entry descriptor, or null for the whole buffer.</param>
    /// <param name="decodeRow">Reads one row (the structure, header included, and nothing after it).</param>
    /// <param name="cancellationToken">Stops the transfer: no further block is asked for.</param>
    /// <returns>Batches of one or more rows each, in a pooled array that the next batch reuses: copy the rows you keep
    /// before moving on.</returns>
    public static IAsyncEnumerable<ReadOnlyMemory<TRow>> ReadBatchesAsync<TRow>(ICosemSession session, CosemAttributeDescriptor buffer,
        SelectiveAccessDescriptor? access, AxdrDecoder<TRow> decodeRow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decodeRow);
        return Batches<TRow, DelegateRowDecoder<TRow>>(session, buffer, access, new DelegateRowDecoder<TRow>(decodeRow), cancellationToken);
    }

    private static ProfileRowBatches<TRow, TDecoder> Batches<TRow, TDecoder>(ICosemSession session, CosemAttributeDescriptor buffer,
        SelectiveAccessDescriptor? access, TDecoder decoder, CancellationToken cancellationToken)
        where TDecoder : struct, IProfileRowDecoder<TRow>
    {
        ArgumentNullException.ThrowIfNull(session);
        return new ProfileRowBatches<TRow, TDecoder>(
            session is CosemClient client
                ? token => client.GetChunksAsync(buffer, access, token)
                : token => WholeAnswerInPiecesAsync(session, buffer, access, token),
            decoder, cancellationToken);
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
