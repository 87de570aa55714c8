using System.Diagnostics;
using Cosem.Sdk.Axdr;
using Cosem.Studio.Profiles;

namespace Cosem.Studio.Tests.Unit;

public sealed class ProfileTests
{
    private static ProfileTable Rows(int count)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, count).Select(i => CosemData.Structure(
            CosemData.OctetString(Time(start.AddMinutes(15 * i))),
            CosemData.FromUInt32((uint)(1000 + i)),
            CosemData.FromInt16((short)(i % 100 == 50 ? 5000 : i % 7))));
        return ProfileTable.From(CosemData.Array([.. rows]), ["0.0.1.0.0.255 attribute 2", "1.0.1.8.0.255 attribute 2", "spiky"]);
    }

    private static byte[] Time(DateTimeOffset at)
    {
        var bytes = new byte[12];
        CosemDateTime.From(at).CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public void The_table_has_headings_numbers_and_times()
    {
        var table = Rows(3);
        Assert.Equal(3, table.RowCount);
        Assert.Equal([1, 2], table.NumericColumns);
        Assert.Equal(1001d, table.Numbers[1][1]);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 15, 0, TimeSpan.Zero), table.Times[1]);
    }

    [Fact]
    public void Csv_quotes_what_needs_quoting()
    {
        var table = ProfileTable.From(CosemData.Array(CosemData.Structure(CosemData.VisibleString("a,\"b\""), CosemData.FromUInt8(7))), ["text", "n"]);
        Assert.Equal("text,n\r\n\"\"\"a,\"\"b\"\"\"\"\",7\r\n", table.ToCsv());
    }

    [Fact]
    public void Ten_thousand_rows_decimate_to_the_charts_width_and_keep_their_peaks()
    {
        var table = Rows(10_000);
        var points = ChartSeries.Decimate(table, 2, 0, table.RowCount, 500);
        Assert.InRange(points.Count, 500, 1000);
        Assert.Equal(100, points.Count(p => p.Value == 5000)); // every spike survives
        Assert.True(points.Zip(points.Skip(1)).All(pair => pair.First.Row < pair.Second.Row), "points in row order");
    }

    [Fact]
    public void A_zoomed_range_plots_only_its_rows()
    {
        var points = ChartSeries.Decimate(Rows(1000), 1, 100, 110, 500);
        Assert.Equal(Enumerable.Range(100, 10), points.Select(p => p.Row));
    }
}
