using Microsoft.Data.Sqlite;

namespace Cosem.HeadEnd.Storage;

/// <summary>
/// The embedded default store: one SQLite file (WAL journal), table <c>readings</c> keyed by (meter, obis, attribute,
/// capture_time) <c>WITHOUT ROWID</c>; writes are <c>INSERT OR IGNORE</c> in one transaction per batch, so repeats are
/// skipped. SQLite has one writer at a time: writes are serialised here rather than retried on SQLITE_BUSY.
/// </summary>
public sealed class SqliteReadingStore : IReadingStore, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>A store in the file at <paramref name="path"/> (created when missing).</summary>
    public SqliteReadingStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<int> WriteAsync(IReadOnlyList<MeterReading> readings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return 0;
        }
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO readings (meter, obis, attribute, capture_time, value, unit, profile) VALUES ($m, $o, $a, $t, $v, $u, $p)";
            var meter = insert.Parameters.Add("$m", SqliteType.Text);
            var obis = insert.Parameters.Add("$o", SqliteType.Text);
            var attribute = insert.Parameters.Add("$a", SqliteType.Integer);
            var time = insert.Parameters.Add("$t", SqliteType.Integer);
            var value = insert.Parameters.Add("$v", SqliteType.Text);
            var unit = insert.Parameters.Add("$u", SqliteType.Text);
            var profile = insert.Parameters.Add("$p", SqliteType.Text);
            var inserted = 0;
            foreach (var reading in readings)
            {
                meter.Value = reading.MeterId;
                obis.Value = reading.LogicalName;
                attribute.Value = reading.Attribute;
                time.Value = reading.CaptureTime.ToUnixTimeMilliseconds();
                value.Value = reading.Value;
                unit.Value = (object?)reading.Unit ?? DBNull.Value;
                profile.Value = (object?)reading.Profile ?? DBNull.Value;
                inserted += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return inserted;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<DateTimeOffset?> GetLatestCaptureTimeAsync(string meterId, string profile, CancellationToken cancellationToken = default)
    {
        var result = await ScalarAsync("SELECT MAX(capture_time) FROM readings WHERE meter = $m AND profile = $p", cancellationToken, ("$m", meterId), ("$p", profile)).ConfigureAwait(false);
        return result is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <inheritdoc/>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        (long)(await ScalarAsync("SELECT COUNT(*) FROM readings", cancellationToken).ConfigureAwait(false))!;

    /// <inheritdoc/>
    public async Task<long> CountAsync(string meterId, CancellationToken cancellationToken = default) =>
        (long)(await ScalarAsync("SELECT COUNT(*) FROM readings WHERE meter = $m", cancellationToken, ("$m", meterId)).ConfigureAwait(false))!;

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _connection?.Dispose();
        _writer.Dispose();
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is DBNull ? null : result;
        }
        finally
        {
            _writer.Release();
        }
    }

    // Called under the writer lock.
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS readings (
                    meter TEXT NOT NULL,
                    obis TEXT NOT NULL,
                    attribute INTEGER NOT NULL,
                    capture_time INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    unit TEXT,
                    profile TEXT,
                    PRIMARY KEY (meter, obis, attribute, capture_time)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS readings_profile ON readings (meter, profile, capture_time);
                """;
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        _connection = connection;
        return connection;
    }
}
