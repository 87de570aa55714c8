using Microsoft.Extensions.Options;
using Npgsql;

namespace Cosem.HeadEnd.Clustering;

/// <summary>The one connection pool a silo's membership table, reminder table and grain storage share, and the
/// schema check they all wait for (run once per silo).</summary>
internal sealed class PostgresClusterDatabase : IAsyncDisposable
{
    private readonly Lazy<Task> _schema;

    public PostgresClusterDatabase(IOptions<PostgresClusterOptions> options)
    {
        var connectionString = options.Value.ConnectionString;
        if (string.IsNullOrEmpty(connectionString))
        {
            throw new InvalidOperationException("PostgresClusterOptions.ConnectionString is empty: the head-end cluster needs its PostgreSQL database.");
        }
        Source = NpgsqlDataSource.Create(connectionString);
        _schema = new Lazy<Task>(() => PostgresClusterSchema.EnsureAsync(Source, CancellationToken.None));
    }

    public NpgsqlDataSource Source { get; }

    /// <summary>Opens a connection once the tables exist.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task EnsureSchemaAsync()
    {
        var task = _schema.Value;
        if (task.IsFaulted)
        {
            // A database that was not reachable at the first attempt is tried again at the next call.
            return PostgresClusterSchema.EnsureAsync(Source, CancellationToken.None);
        }
        return task;
    }

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
