using Npgsql;
using NpgsqlTypes;

namespace Cosem.HeadEnd.Storage;

/// <summary>
/// The production store: PostgreSQL through Npgsql, table <c>readings</c> with primary key (meter, obis, attribute,
/// capture_time). A batch is one statement (<c>INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING</c>), so a
/// meter's read costs one round trip and any number of silos may write at once.
/// </summary>
public sealed class PostgresReadingStore : IReadingStore, IAsyncDisposable
{
    /// <summary>Readings sent in one statement at most; larger writes are split.</summary>
    public const int MaxBatch = 10_000;

    private readonly NpgsqlDataSource _source;
    private readonly string _table;

    /// <summary>A store on <paramref name="connectionString"/>, in table <paramref name="table"/> (a plain
    /// identifier: letters, digits, underscores).</summary>
    public PostgresReadingStore(string connectionString, string table = "readings")
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        if (string.IsNullOrEmpty(table) || !table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(table[0]))
        {
            throw new ArgumentException("The table name is a plain identifier (letters, digits, underscores).", nameof(table));
        }
        _source = NpgsqlDataSource.Create(connectionString);
        _table = table;
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand($"""
            CREATE TABLE IF NOT EXISTS {_table} (
                meter text NOT NULL,
                obis text NOT NULL,
                attribute smallint NOT NULL,
                capture_time timestamptz NOT NULL,
                value text NOT NULL,
                unit text,
                profile text,
                PRIMARY KEY (meter, obis, attribute, capture_time));
            CREATE INDEX IF NOT EXISTS {_table}_profile ON {_table} (meter, profile, capture_time);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<int> WriteAsync(IReadOnlyList<MeterReading> readings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var inserted = 0;
        for (var start = 0; start < readings.Count; start += MaxBatch)
        {
            inserted += await WriteBatchAsync(readings, start, Math.Min(MaxBatch, readings.Count - start), cancellationToken).ConfigureAwait(false);
        }
        return inserted;
    }

    private async Task<int> WriteBatchAsync(IReadOnlyList<MeterReading> readings, int start, int count, CancellationToken cancellationToken)
    {
        var meters = new string[count];
        var names = new string[count];
        var attributes = new short[count];
        var times = new DateTime[count];
        var values = new string[count];
        var units = new string?[count];
        var profiles = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var r = readings[start + i];
            meters[i] = r.MeterId;
            names[i] = r.LogicalName;
            attributes[i] = (short)r.Attribute;
            times[i] = r.CaptureTime.UtcDateTime;
            values[i] = r.Value;
            units[i] = r.Unit;
            profiles[i] = r.Profile;
        }
        await using var command = _source.CreateCommand($"""
            INSERT INTO {_table} (meter, obis, attribute, capture_time, value, unit, profile)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = meters, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = names, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = attributes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter { Value = times, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = units, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = profiles, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<DateTimeOffset?> GetLatestCaptureTimeAsync(string meterId, string profile, CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand($"SELECT MAX(capture_time) FROM {_table} WHERE meter = $1 AND profile = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = meterId });
        command.Parameters.Add(new NpgsqlParameter { Value = profile });
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
    }

    /// <inheritdoc/>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => CountWhereAsync(null, cancellationToken);

    /// <inheritdoc/>
    public Task<long> CountAsync(string meterId, CancellationToken cancellationToken = default) => CountWhereAsync(meterId, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<long> CountWhereAsync(string? meterId, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand(meterId is null ? $"SELECT COUNT(*) FROM {_table}" : $"SELECT COUNT(*) FROM {_table} WHERE meter = $1");
        if (meterId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = meterId });
        }
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
