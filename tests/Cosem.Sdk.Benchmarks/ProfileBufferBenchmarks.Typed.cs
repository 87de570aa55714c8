using BenchmarkDotNet.Attributes;

namespace Cosem.Sdk.Benchmarks;

// The public typed paths that call the row type's own static Decode (ITypedProfileRow) instead of a delegate: row by
// row, as the generated ReadAllAsync does, and a batch per piece, as the generated ReadBatchesAsync does.
public partial class ProfileBufferBenchmarks
{
    private readonly LoadProfileRow[] _kept = new LoadProfileRow[RowCount];

    /// <summary>What the generated ReadAllAsync calls now: rows one by one through IAsyncEnumerator, no delegate.</summary>
    [Benchmark(OperationsPerInvoke = RowCount)]
    public int DecodeTypedRowsThroughTypedReader()
    {
        var rows = Objects.ProfileRowReader.ReadAsync<LoadProfileRow>(_session, Buffer, null).GetAsyncEnumerator();
        int count = 0;
        while (Await(rows.MoveNextAsync()))
        {
            count++;
        }
        rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return count;
    }

    /// <summary>What the generated ReadBatchesAsync calls: one move per piece, every row copied into the caller's
    /// array (the rows a caller keeps, as the hand loop writes them).</summary>
    [Benchmark(OperationsPerInvoke = RowCount)]
    public int DecodeTypedRowBatches()
    {
        var batches = Objects.ProfileRowReader.ReadBatchesAsync<LoadProfileRow>(_session, Buffer, null).GetAsyncEnumerator();
        var kept = _kept.AsSpan();
        int count = 0;
        while (Await(batches.MoveNextAsync()))
        {
            var batch = batches.Current.Span;
            batch.CopyTo(kept[count..]);
            count += batch.Length;
        }
        batches.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return count;
    }
}
