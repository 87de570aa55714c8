using BenchmarkDotNet.Attributes;
using Cosem.Sdk.Axdr;
using Cosem.Studio.Profiles;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// Cosem Studio's load-profile chart (issue 15, item 8: "a 10,000-row profile renders as a chart without freezing the
/// page"): <see cref="ChartSeries.Decimate"/> of one column of 10,000 rows to the chart's 500 pixel buckets, against a
/// plain pass that reads the same column of every row (the least any chart of all rows must do). Building the table
/// from the decoded buffer (text and numbers of every cell) is measured too, as it happens once per read.
/// </summary>
[MemoryDiagnoser]
public class StudioChartBenchmarks
{
    private const int Rows = 10_000;
    private const int Buckets = 500;
    private CosemData _buffer;
    private ProfileTable _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rows = new CosemData[Rows];
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Rows; i++)
        {
            var time = start.AddMinutes(15 * i);
            // A daily load curve with noise, so buckets have distinct minima and maxima.
            var energy = (uint)(1_000_000 + i * 250 + (int)(400 * Math.Sin(i / 96.0 * 2 * Math.PI)) + (i * 7919 % 97));
            rows[i] = CosemData.Structure(CosemData.DateTime(CosemDateTime.FromDateTime(time)), CosemData.FromUInt32(energy), CosemData.FromUInt32(energy / 3));
        }
        _buffer = CosemData.Array(rows);
        _table = ProfileTable.From(_buffer, ["clock", "import", "export"]);
    }

    /// <summary>Reads column 1 of every row once: the floor for anything that looks at all rows.</summary>
    [Benchmark(Baseline = true)]
    public double PlainPassOverRows()
    {
        var numbers = _table.Numbers;
        var sum = 0.0;
        for (var row = 0; row < numbers.Count; row++)
        {
            sum += numbers[row][1] ?? 0;
        }
        return sum;
    }

    /// <summary>The chart's line: minimum and maximum of each of 500 buckets, in row order.</summary>
    [Benchmark]
    public int Decimate() => ChartSeries.Decimate(_table, 1, 0, _table.RowCount, Buckets).Count;

    /// <summary>The table the page shows and charts, built once per profile read.</summary>
    [Benchmark]
    public int BuildTable() => ProfileTable.From(_buffer, ["clock", "import", "export"]).RowCount;
}
