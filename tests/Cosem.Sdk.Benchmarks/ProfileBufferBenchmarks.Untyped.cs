using BenchmarkDotNet.Attributes;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Benchmarks;

// The untyped decode of the same buffer: today's (large containers kept encoded, items decoded on first access)
// against the tree of item arrays it replaced, kept as CosemData.DecodeTree for an in-run "before" figure; and both
// again with every value of every row read, the cost a caller that walks the whole buffer pays.
public partial class ProfileBufferBenchmarks
{
    [Benchmark(OperationsPerInvoke = RowCount)]
    public CosemData DecodeUntypedTreeBaseline()
    {
        var reader = new AxdrReader(_encoded);
        return CosemData.DecodeTree(ref reader);
    }

    [Benchmark(OperationsPerInvoke = RowCount)]
    public long DecodeUntypedAndReadEveryValue()
    {
        var reader = new AxdrReader(_encoded);
        return SumEveryValue(CosemData.Decode(ref reader));
    }

    [Benchmark(OperationsPerInvoke = RowCount)]
    public long DecodeUntypedTreeAndReadEveryValueBaseline()
    {
        var reader = new AxdrReader(_encoded);
        return SumEveryValue(CosemData.DecodeTree(ref reader));
    }

    private static long SumEveryValue(CosemData buffer)
    {
        long sum = 0;
        foreach (var row in buffer.Items)
        {
            var values = row.Items;
            sum += values[0].AsDateTime().Month ?? 0;
            for (int i = 1; i < values.Length; i++)
            {
                sum += values[i].AsInt64();
            }
        }
        return sum;
    }
}
