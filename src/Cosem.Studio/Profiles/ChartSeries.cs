namespace Cosem.Studio.Profiles;

/// <summary>
/// One plotted column reduced to what a chart of <c>buckets</c> pixels can show: the minimum and maximum of each
/// bucket of rows, in row order, so 10,000 rows draw as at most 2 × buckets points and peaks are never lost.
/// </summary>
public static class ChartSeries
{
    /// <summary>
    /// Points (row index, value) of column <paramref name="column"/> within rows [<paramref name="from"/>,
    /// <paramref name="to"/>), decimated to at most 2 × <paramref name="buckets"/> points.
    /// </summary>
    public static IReadOnlyList<(int Row, double Value)> Decimate(ProfileTable table, int column, int from, int to, int buckets)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        from = Math.Clamp(from, 0, table.RowCount);
        to = Math.Clamp(to, from, table.RowCount);
        var points = new List<(int, double)>(Math.Min(to - from, buckets * 2));
        var span = to - from;
        if (span <= buckets * 2)
        {
            for (var row = from; row < to; row++)
            {
                if (table.Numbers[row][column] is { } value)
                {
                    points.Add((row, value));
                }
            }
            return points;
        }
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var start = from + (int)((long)span * bucket / buckets);
            var end = from + (int)((long)span * (bucket + 1) / buckets);
            (int Row, double Value)? min = null, max = null;
            for (var row = start; row < end; row++)
            {
                if (table.Numbers[row][column] is not { } value)
                {
                    continue;
                }
                if (min is null || value < min.Value.Value)
                {
                    min = (row, value);
                }
                if (max is null || value > max.Value.Value)
                {
                    max = (row, value);
                }
            }
            if (min is { } low && max is { } high)
            {
                // In row order, so the line goes through both extremes the way the data did.
                points.Add(low.Row <= high.Row ? low : high);
                if (low.Row != high.Row)
                {
                    points.Add(low.Row <= high.Row ? high : low);
                }
            }
        }
        return points;
    }
}
