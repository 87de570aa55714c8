using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The rows of a profile buffer as an async stream whose next row, when the current piece still holds one, is
/// handed out synchronously with no state machine: a compiler-generated async iterator costs tens of nanoseconds
/// per element, more than decoding the row. Only moving to the next piece (block) awaits.
/// </summary>
internal sealed class ProfileRowStream<TRow>(
    Func<CancellationToken, IAsyncEnumerable<ReadOnlyMemory<byte>>> pieces, AxdrDecoder<TRow> decodeRow, CancellationToken cancellationToken)
    : IAsyncEnumerable<TRow>
{
    public IAsyncEnumerator<TRow> GetAsyncEnumerator(CancellationToken enumeratorCancellation = default)
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
        return new Enumerator(pieces(token).GetAsyncEnumerator(token), decodeRow, linked);
    }

    private sealed class Enumerator(IAsyncEnumerator<ReadOnlyMemory<byte>> source, AxdrDecoder<TRow> decodeRow, CancellationTokenSource? linked)
        : IAsyncEnumerator<TRow>
    {
        private readonly ProfileRowSplitter<TRow> _splitter = new(decodeRow);
        private readonly List<TRow> _rows = [];
        private int _next;
        private bool _ended;

        public TRow Current { get; private set; } = default!;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_next < _rows.Count)
            {
                Current = _rows[_next++];
                return new ValueTask<bool>(true);
            }
            return NextPieceAsync();
        }

        private async ValueTask<bool> NextPieceAsync()
        {
            while (!_ended)
            {
                if (!await source.MoveNextAsync().ConfigureAwait(false))
                {
                    _ended = true;
                    _rows.Clear();
                    _splitter.Finish();
                    return false;
                }
                _splitter.Push(source.Current.Span, _rows);
                _next = 0;
                if (_rows.Count > 0)
                {
                    Current = _rows[_next++];
                    return true;
                }
            }
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
                _splitter.Dispose();
                linked?.Dispose();
            }
        }
    }
}
