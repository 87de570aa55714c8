using System.Globalization;
using System.Text;
using Cosem.Sdk.Axdr;
using Cosem.Studio.Values;

namespace Cosem.Studio.Profiles;

/// <summary>
/// A profile generic buffer as a table: column names from the capture objects, each cell as text, the numeric
/// columns as numbers for the chart and the time of each row (the first date-time column) for its x axis.
/// </summary>
public sealed class ProfileTable
{
    private ProfileTable(IReadOnlyList<string> columns, IReadOnlyList<string[]> cells, IReadOnlyList<double?[]> numbers,
        IReadOnlyList<DateTimeOffset?> times)
    {
        (Columns, Cells, Numbers, Times) = (columns, cells, numbers, times);
        NumericColumns = [.. Enumerable.Range(0, columns.Count).Where(c => numbers.Any(row => row[c] is not null))];
    }

    /// <summary>Column headings, e.g. "1.0.1.8.0.255 attribute 2".</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Each row's cells as text.</summary>
    public IReadOnlyList<string[]> Cells { get; }

    /// <summary>Each row's numeric cells (null where the cell is not a number).</summary>
    public IReadOnlyList<double?[]> Numbers { get; }

    /// <summary>Each row's time, from its first date-time cell; null when it has none.</summary>
    public IReadOnlyList<DateTimeOffset?> Times { get; }

    /// <summary>The columns that hold numbers in some row: what the chart can plot.</summary>
    public IReadOnlyList<int> NumericColumns { get; }

    /// <summary>Rows in the table.</summary>
    public int RowCount => Cells.Count;

    /// <summary>The table of <paramref name="buffer"/> (an array of structures) with headings from <paramref name="columns"/>.</summary>
    public static ProfileTable From(CosemData buffer, IReadOnlyList<string> columns)
    {
        var rows = buffer.Type == DataType.Array ? buffer.Items : [];
        var width = Math.Max(columns.Count, rows.Length == 0 ? 0 : rows.Max(r => r.Type == DataType.Structure ? r.Count : 1));
        var headings = Enumerable.Range(0, width).Select(i => i < columns.Count ? columns[i] : $"column {i + 1}").ToArray();
        var cells = new List<string[]>(rows.Length);
        var numbers = new List<double?[]>(rows.Length);
        var times = new List<DateTimeOffset?>(rows.Length);
        foreach (var row in rows)
        {
            var items = row.Type == DataType.Structure ? row.Items : [row];
            var text = new string[width];
            var values = new double?[width];
            DateTimeOffset? time = null;
            for (var c = 0; c < items.Length && c < width; c++)
            {
                text[c] = ValueText.Format(items[c]);
                values[c] = Number(items[c]);
                time ??= Time(items[c]);
            }
            cells.Add(text);
            numbers.Add(values);
            times.Add(time);
        }
        return new ProfileTable(headings, cells, numbers, times);
    }

    /// <summary>The table as CSV (RFC 4180 quoting), headings first.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(Quote)).Append("\r\n");
        foreach (var row in Cells)
        {
            csv.AppendJoin(',', row.Select(cell => Quote(cell ?? ""))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static double? Number(CosemData value) => value.Type switch
    {
        DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64 => value.AsInt64(),
        DataType.Unsigned or DataType.LongUnsigned or DataType.DoubleLongUnsigned or DataType.Long64Unsigned => value.AsUInt64(),
        DataType.Float32 or DataType.Float64 => value.AsDouble(),
        _ => null,
    };

    private static DateTimeOffset? Time(CosemData value)
    {
        if (value.Type is not (DataType.OctetString or DataType.DateTime) || value.AsBytes().Length != CosemDateTime.Length)
        {
            return null;
        }
        var dateTime = new CosemDateTime(value.AsBytes().Span);
        return dateTime.TryToDateTimeOffset(out var time) ? time : null;
    }

    /// <summary>A heading for a capture object: "1.0.1.8.0.255 attribute 2".</summary>
    public static string Heading(CosemData captureObject)
    {
        if (captureObject.Type != DataType.Structure || captureObject.Count < 3)
        {
            return ValueText.Format(captureObject);
        }
        var name = captureObject[1].AsBytes().Length == 6 ? captureObject[1].AsObisCode().ToString() : ValueText.Format(captureObject[1]);
        return string.Create(CultureInfo.InvariantCulture, $"{name} attribute {captureObject[2].AsInt64()}");
    }
}
