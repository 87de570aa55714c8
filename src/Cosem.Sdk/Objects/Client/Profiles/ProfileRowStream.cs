namespace Cosem.Sdk.Objects;

/// <summary>
/// The rows of a profile buffer one by one, over the batches of <see cref="ProfileRowBatches{TRow, TDecoder}"/>: the
/// next row of a batch already decoded is handed out synchronously, straight from the batch's array, with no state
/// machine (a compiler-generated async iterator costs tens of nanoseconds per element, more than decoding the row).
/// Only moving to the next batch awaits.
/// </summary>
internal sealed class ProfileRowStream<TRow, TDecoder>(ProfileRowBatches<TRow, TDecoder> batches) : IAsyncEnumerable<TRow>
    where TDecoder : struct, IProfileRowDecoder<TRow>
{
    public IAsyncEnumerator<TRow> GetAsyncEnumerator(CancellationToken enumeratorCancellation = default) =>
        new Enumerator(batches.Open(enumeratorCancellation));

    private sealed class Enumerator(ProfileRowBatches<TRow, TDecoder>.Enumerator batches) : IAsyncEnumerator<TRow>
    {
        private TRow[] _rows = [];
        private int _count;
        private int _next;

        public TRow Current { get; private set; } = default!;

        public ValueTask<bool> MoveNextAsync()
        {
            int next = _next;
            if (next < _count)
            {
                Current = _rows[next];
                _next = next + 1;
                return new ValueTask<bool>(true);
            }
            return NextBatchAsync();
        }

        private async ValueTask<bool> NextBatchAsync()
        {
            if (!await batches.MoveNextAsync().ConfigureAwait(false))
            {
                _rows = [];
                _count = 0;
                _next = 0;
                return false;
            }
            _rows = batches.RowArray;
            _count = batches.Count;
            Current = _rows[0];
            _next = 1;
            return true;
        }

        public ValueTask DisposeAsync()
        {
            _rows = [];
            _count = 0;
            return batches.DisposeAsync();
        }
    }
}
