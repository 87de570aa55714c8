using Npgsql;

namespace Cosem.HeadEnd.Clustering;

/// <summary>
/// The head-end's own PostgreSQL tables for Orleans membership, reminders and grain state, created at start-up when
/// missing. Silos starting together take a transaction-scoped advisory lock first: two concurrent
/// <c>CREATE TABLE IF NOT EXISTS</c> can otherwise both pass the check and one fails on the catalog's unique index.
/// </summary>
internal static class PostgresClusterSchema
{
    /// <summary>An arbitrary constant shared by every silo: the advisory lock that serialises schema creation.</summary>
    private const long SchemaLockKey = 0x436F_7365_6D48_4531;    // "CosemHE1"

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS cosem_orleans_membership_version (
            cluster_id text PRIMARY KEY,
            version integer NOT NULL,
            etag text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS cosem_orleans_membership (
            cluster_id text NOT NULL REFERENCES cosem_orleans_membership_version (cluster_id) ON DELETE CASCADE,
            address text NOT NULL,
            status integer NOT NULL,
            suspect_times text NOT NULL,
            proxy_port integer NOT NULL,
            host_name text,
            silo_name text,
            role_name text,
            update_zone integer NOT NULL,
            fault_zone integer NOT NULL,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            etag text NOT NULL,
            PRIMARY KEY (cluster_id, address));
        CREATE TABLE IF NOT EXISTS cosem_orleans_reminders (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            grain_hash bigint NOT NULL,
            start_at timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            etag text NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name));
        CREATE INDEX IF NOT EXISTS cosem_orleans_reminders_hash ON cosem_orleans_reminders (service_id, grain_hash);
        CREATE TABLE IF NOT EXISTS cosem_orleans_grain_state (
            service_id text NOT NULL,
            provider text NOT NULL,
            state_name text NOT NULL,
            grain_id text NOT NULL,
            payload bytea NOT NULL,
            etag text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (service_id, provider, state_name, grain_id));
        """;

    /// <summary>Creates whatever of the tables is missing; safe to run from every silo at every start.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var ddl = new NpgsqlCommand(Ddl, connection, transaction))
        {
            await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
