using System.Runtime.CompilerServices;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The rows of a profile buffer, one batch per piece (block) received: each batch is the splitter's pooled row array,
/// valid until the next move. One await per block, nothing per row; the per-row stream is built on it.
/// </summary>
internal sealed class ProfileRowBatches<TRow, TDecoder>(
    Func<CancellationToken, IAsyncEnumerable<ReadOnlyMemory<byte>>> pieces, TDecoder decoder, CancellationToken cancellationToken)
    : IAsyncEnumerable<ReadOnlyMemory<TRow>>
    where TDecoder : struct, IProfileRowDecoder<TRow>
{
    public IAsyncEnumerator<ReadOnlyMemory<TRow>> GetAsyncEnumerator(CancellationToken enumeratorCancellation = default) =>
        Open(enumeratorCancellation);

    /// <summary>Starts the read; <paramref name="enumeratorCancellation"/> (from WithCancellation) stops it as the
    /// read's own token does.</summary>
    public Enumerator Open(CancellationToken enumeratorCancellation)
    {
        CancellationTokenSource? linked = null;
        var token = cancellationToken;
        if (enumeratorCancellation.CanBeCanceled)
        {
            if (token.CanBeCanceled)
            {
                linked = CancellationTokenSource.CreateLinkedTokenSource(token, enumeratorCancellation);
                token = linked.Token;
            }
            else
            {
                token = enumeratorCancellation;
            }
        }
        return new Enumerator(pieces(token).GetAsyncEnumerator(token), new ProfileRowSplitter<TRow, TDecoder>(decoder), linked);
    }

    internal sealed class Enumerator(IAsyncEnumerator<ReadOnlyMemory<byte>> source, ProfileRowSplitter<TRow, TDecoder> splitter,
        CancellationTokenSource? linked) : IAsyncEnumerator<ReadOnlyMemory<TRow>>
    {
        private bool _ended;

        /// <summary>How many rows the current batch holds, from index 0 of <see cref="RowArray"/>.</summary>
        public int Count { get; private set; }

        /// <summary>The array behind the current batch (pooled: valid until the next move).</summary>
        public TRow[] RowArray => splitter.RowArray;

        public ReadOnlyMemory<TRow> Current => new(splitter.RowArray, 0, Count);

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        public async ValueTask<bool> MoveNextAsync()
        {
            while (!_ended)
            {
                if (!await source.MoveNextAsync().ConfigureAwait(false))
                {
                    _ended = true;
                    Count = 0;
                    splitter.Finish();
                    return false;
                }
                Count = splitter.Push(source.Current.Span);
                if (Count > 0)
                {
                    return true;
                }
            }
            Count = 0;
            return false;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                Count = 0;
                splitter.Dispose();
                linked?.Dispose();
            }
        }
    }
}
