using Orleans;
using Orleans.Runtime;

namespace Cosem.HeadEnd.Tests.Support;

/// <summary>
/// A reminder table every in-process silo of one test shares, standing in for a database table: unlike Orleans'
/// in-memory reminder service (held by a grain, lost with its silo) it outlives a stopped silo, as the ADO.NET
/// table does in production.
/// </summary>
internal sealed class SharedReminderTable : IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> _rows = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _rows.Count;
            }
        }
    }

    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => Select(row => row.GrainId == grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => Select(row =>
    {
        var hash = row.GrainId.GetUniformHashCode();
        return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
    });

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? Copy(row) : null);
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            var row = Copy(entry);
            row.ETag = etag;
            _rows[(entry.GrainId, entry.ReminderName)] = row;
        }
        return Task.FromResult<string?>(etag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue((grainId, reminderName), out var row) && row.ETag == eTag)
            {
                _rows.Remove((grainId, reminderName));
                return Task.FromResult(true);
            }
            return Task.FromResult(false);
        }
    }

    public Task TestOnlyClearTable()
    {
        lock (_lock)
        {
            _rows.Clear();
        }
        return Task.CompletedTask;
    }

    private Task<ReminderTableData> Select(Func<ReminderEntry, bool> predicate)
    {
        lock (_lock)
        {
            return Task.FromResult(new ReminderTableData(_rows.Values.Where(predicate).Select(Copy).ToList()));
        }
    }

    private static ReminderEntry Copy(ReminderEntry row) => new()
    {
        GrainId = row.GrainId,
        ReminderName = row.ReminderName,
        StartAt = row.StartAt,
        Period = row.Period,
        ETag = row.ETag,
    };
}
