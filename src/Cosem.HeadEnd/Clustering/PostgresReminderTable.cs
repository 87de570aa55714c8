using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Cosem.HeadEnd.Clustering;

/// <summary>
/// Orleans' durable reminder table in the head-end's PostgreSQL database, one row per (service, grain, reminder).
/// The grain's uniform hash is stored beside it, so a silo reads its share of the ring with an index range. Rows
/// outlive every silo: when one stops, the silos that take over its part of the ring read its reminders from here.
/// </summary>
internal sealed class PostgresReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, etag";

    private readonly PostgresClusterDatabase _database;
    private readonly string _serviceId;

    public PostgresReminderTable(PostgresClusterDatabase database, IOptions<ClusterOptions> cluster)
    {
        _database = database;
        _serviceId = cluster.Value.ServiceId;
    }

    public Task Init() => _database.EnsureSchemaAsync();

    public Task<ReminderTableData> ReadRows(GrainId grainId) => SelectAsync(
        "grain_id = @grain", command => command.Parameters.AddWithValue("grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => SelectAsync(
        // (begin, end] on the ring; when begin >= end the range wraps around zero.
        begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)",
        command =>
        {
            command.Parameters.AddWithValue("begin", (long)begin);
            command.Parameters.AddWithValue("end", (long)end);
        });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await SelectAsync("grain_id = @grain AND reminder_name = @name", command =>
        {
            command.Parameters.AddWithValue("grain", grainId.ToString());
            command.Parameters.AddWithValue("name", reminderName);
        }).ConfigureAwait(false);
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO cosem_orleans_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, etag)
            VALUES (@service, @grain, @name, @hash, @start, @period, @etag)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, etag = excluded.etag
            """, connection);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("grain", entry.GrainId.ToString());
        command.Parameters.AddWithValue("name", entry.ReminderName);
        command.Parameters.AddWithValue("hash", (long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue("start", entry.StartAt.Kind == DateTimeKind.Utc ? entry.StartAt : entry.StartAt.ToUniversalTime());
        command.Parameters.AddWithValue("period", (long)entry.Period.TotalMilliseconds);
        command.Parameters.AddWithValue("etag", etag);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            DELETE FROM cosem_orleans_reminders
            WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND etag = @etag
            """, connection);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("grain", grainId.ToString());
        command.Parameters.AddWithValue("name", reminderName);
        command.Parameters.AddWithValue("etag", eTag);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM cosem_orleans_reminders WHERE service_id = @service", connection);
        command.Parameters.AddWithValue("service", _serviceId);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task<ReminderTableData> SelectAsync(string condition, Action<NpgsqlCommand> parameters)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM cosem_orleans_reminders WHERE service_id = @service AND {condition}", connection);
        command.Parameters.AddWithValue("service", _serviceId);
        parameters(command);
        var rows = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = reader.GetFieldValue<DateTime>(2),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }
        return new ReminderTableData(rows);
    }
}
