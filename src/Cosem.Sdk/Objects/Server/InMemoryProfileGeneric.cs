using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A profile generic (class 7) that captures the attributes of other server objects into an in-memory FIFO buffer
/// and serves it with both access selectors of Blue Book §4.3.6: by range (selector 1, on any date-time or numeric
/// column, with column selection) and by entry (selector 2). Load profiles, event logs and billing histories
/// are this class with different capture objects.
/// </summary>
public class InMemoryProfileGeneric : ProfileGeneric
{
    private readonly Lock _lock = new();
    private readonly List<(CosemObject Source, int Attribute)> _sources = [];
    private CosemData[] _rows = [];

    /// <param name="logicalName">The profile's logical name, e.g. 1.0.99.1.0.255 for a load profile.</param>
    /// <param name="capacity">profile_entries: the oldest row is dropped once the buffer holds this many.</param>
    public InMemoryProfileGeneric(ObisCode logicalName, uint capacity)
        : base(logicalName)
    {
        ArgumentOutOfRangeException.ThrowIfZero(capacity);
        ProfileEntries = capacity;
        SortMethod = SortMethod.Fifo;
    }

    /// <summary>Adds a column: attribute <paramref name="attribute"/> of <paramref name="source"/> (capture_objects).</summary>
    public InMemoryProfileGeneric Capture(CosemObject source, int attribute = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindAttribute(attribute) is null)
        {
            throw new ArgumentOutOfRangeException(nameof(attribute), attribute, $"{source} has no attribute {attribute}.");
        }
        lock (_lock)
        {
            _sources.Add((source, attribute));
            CaptureObjects = [.. _sources.Select(s => new CaptureObjectDefinition(s.Source.ClassId, s.Source.LogicalName, (sbyte)s.Attribute, 0))];
            _rows = [];
        }
        return this;
    }

    /// <summary>The rows, oldest first; each a structure with one value per capture object.</summary>
    public IReadOnlyList<CosemData> Rows => Volatile.Read(ref _rows);

    /// <summary>Appends a row built by the application (e.g. history filled at start-up).</summary>
    public void Append(CosemData row)
    {
        if (row.Type != DataType.Structure)
        {
            throw new ArgumentException("A profile row is a structure.", nameof(row));
        }
        lock (_lock)
        {
            var rows = _rows;
            var keep = (int)Math.Min(rows.Length, ProfileEntries - 1);
            var next = new CosemData[keep + 1];
            Array.Copy(rows, rows.Length - keep, next, 0, keep);
            next[keep] = row;
            Volatile.Write(ref _rows, next);
        }
    }

    /// <summary>Reads every capture object now and appends the row (what the capture method and the capture period do).</summary>
    public async ValueTask CaptureNowAsync(CancellationToken cancellationToken = default)
    {
        (CosemObject Source, int Attribute)[] sources;
        lock (_lock)
        {
            sources = [.. _sources];
        }
        var values = new CosemData[sources.Length];
        var buffer = new ArrayBufferWriter<byte>(64);
        for (var i = 0; i < sources.Length; i++)
        {
            buffer.ResetWrittenCount();
            var result = await sources[i].Source.ReadAttributeAsync(sources[i].Attribute, null, RequestContext.Local, buffer, cancellationToken).ConfigureAwait(false);
            values[i] = result == DataAccessResult.Success ? CosemData.Decode(buffer.WrittenSpan) : CosemData.Null;
        }
        Append(CosemData.Structure(values));
    }

    /// <summary>entries_in_use (attribute 7): the number of rows now in the buffer.</summary>
    protected override ValueTask<uint> GetEntriesInUseAsync(RequestContext context, CancellationToken cancellationToken) =>
        new((uint)Rows.Count);

    /// <summary>reset (method 1): empties the buffer; the capture objects stay.</summary>
    protected override ValueTask ResetAsync(RequestContext context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _rows, []);
        return default;
    }

    /// <summary>capture (method 2): reads every capture object now and appends a row, as
    /// <see cref="CaptureNowAsync"/>.</summary>
    protected override ValueTask CaptureAsync(RequestContext context, CancellationToken cancellationToken) =>
        CaptureNowAsync(cancellationToken);

    /// <summary>Refuses writes to buffer (attribute 2) with read-write-denied: the buffer is filled only by
    /// capturing.</summary>
    protected override ValueTask SetBufferAsync(IReadOnlyList<CosemData> value, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromException(new CosemServiceException(DataAccessResult.ReadWriteDenied, "The buffer is filled by capturing."));

    /// <summary>buffer (attribute 2): every row, or the rows and columns a range (selector 1) or entry (selector 2)
    /// descriptor selects; other selectors are refused.</summary>
    protected override ValueTask<IReadOnlyList<CosemData>> GetBufferAsync(SelectiveAccessDescriptor? access, RequestContext context, CancellationToken cancellationToken)
    {
        var rows = Rows;
        if (access is not { Selector: RangeSelection.Selector } range)
        {
            return new(EntrySelection.Select(rows, access));
        }
        RangeSelection selection;
        try
        {
            selection = RangeSelection.Decode(range.Parameters.Span);
        }
        catch (CosemEncodingException ex)
        {
            return ValueTask.FromException<IReadOnlyList<CosemData>>(new CosemServiceException(DataAccessResult.OtherReason, $"Malformed range_descriptor: {ex.Message}"));
        }
        return new(SelectRange(rows, selection));
    }

    private IReadOnlyList<CosemData> SelectRange(IReadOnlyList<CosemData> rows, RangeSelection selection)
    {
        var columns = CaptureObjects;
        var restricting = IndexOf(columns, selection.RestrictingObject);
        if (restricting < 0)
        {
            throw new CosemServiceException(DataAccessResult.OtherReason, $"The restricting object {selection.RestrictingObject} is not captured.");
        }
        var selected = new int[selection.Columns.Count];
        for (var i = 0; i < selected.Length; i++)
        {
            selected[i] = IndexOf(columns, selection.Columns[i]);
            if (selected[i] < 0)
            {
                throw new CosemServiceException(DataAccessResult.OtherReason, $"Column {selection.Columns[i]} is not captured.");
            }
        }
        var result = new List<CosemData>();
        foreach (var row in rows)
        {
            var key = row.Items[restricting];
            if (Compare(key, selection.From) < 0 || Compare(key, selection.To) > 0)
            {
                continue;
            }
            if (selected.Length == 0)
            {
                result.Add(row);
                continue;
            }
            var values = new CosemData[selected.Length];
            for (var i = 0; i < selected.Length; i++)
            {
                values[i] = row.Items[selected[i]];
            }
            result.Add(CosemData.Structure(values));
        }
        return result;
    }

    private static int IndexOf(IReadOnlyList<CaptureObjectDefinition> columns, CaptureObjectReference reference)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.ClassId == reference.ClassId && column.LogicalName == reference.LogicalName && column.AttributeIndex == reference.AttributeIndex)
            {
                return i;
            }
        }
        return -1;
    }

    // Blue Book §4.3.6: from_value and to_value are inclusive and of the restricting object's type; date-times
    // compare as instants when both carry a deviation, else as wall-clock times.
    private static int Compare(CosemData value, CosemDateTime bound)
    {
        if (value.Type is not (DataType.OctetString or DataType.DateTime) || value.AsBytes().Length != CosemDateTime.Length)
        {
            throw new CosemServiceException(DataAccessResult.OtherReason, "Range selection needs a date-time restricting column here.");
        }
        var time = value.AsDateTime();
        if (time.TryToDateTimeOffset(out var a) && bound.TryToDateTimeOffset(out var b))
        {
            return a.CompareTo(b);
        }
        if (time.TryToLocalDateTime(out var x) && bound.TryToLocalDateTime(out var y))
        {
            return x.CompareTo(y);
        }
        throw new CosemServiceException(DataAccessResult.OtherReason, "Range bounds with wildcards are not supported.");
    }
}
