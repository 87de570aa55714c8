using System.Data;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Cosem.HeadEnd.Clustering;

/// <summary>
/// Orleans' membership table in the head-end's PostgreSQL database: one version row per cluster (version and etag,
/// the optimistic-concurrency token of the membership protocol) and one row per silo incarnation. Every change that
/// moves the version is one transaction whose first statement is a conditional update of the version row, so two
/// silos racing on the same version cannot both win.
/// </summary>
internal sealed partial class PostgresMembershipTable : IMembershipTable
{
    private readonly PostgresClusterDatabase _database;
    private readonly string _clusterId;

    public PostgresMembershipTable(PostgresClusterDatabase database, IOptions<ClusterOptions> cluster)
    {
        _database = database;
        _clusterId = cluster.Value.ClusterId;
    }

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        if (!tryInitTableVersion)
        {
            return;
        }
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "INSERT INTO cosem_orleans_membership_version (cluster_id, version, etag) VALUES (@cluster, 0, '0') ON CONFLICT DO NOTHING",
            connection);
        command.Parameters.AddWithValue("cluster", _clusterId);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM cosem_orleans_membership_version WHERE cluster_id = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        // The cut-off is the entry's effective update time (start, heartbeat or the latest suspicion vote), which the
        // entry computes; the suspicion votes live in text, so the dead rows are read and the old ones deleted by key.
        var table = await ReadAll().ConfigureAwait(false);
        var defunct = table.Members
            .Where(m => m.Item1.Status == SiloStatus.Dead && LastUpdate(m.Item1) < beforeDate)
            .Select(m => m.Item1.SiloAddress.ToParsableString())
            .ToArray();
        if (defunct.Length == 0)
        {
            return;
        }
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "DELETE FROM cosem_orleans_membership WHERE cluster_id = @cluster AND address = ANY(@addresses) AND status = @dead", connection);
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("addresses", defunct);
        command.Parameters.AddWithValue("dead", (int)SiloStatus.Dead);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key.ToParsableString());

    public Task<MembershipTableData> ReadAll() => ReadAsync(address: null);

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        if (!await MoveVersionAsync(connection, transaction, tableVersion).ConfigureAwait(false))
        {
            return false;
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO cosem_orleans_membership (cluster_id, address, status, suspect_times, proxy_port, host_name,
                silo_name, role_name, update_zone, fault_zone, start_time, i_am_alive_time, etag)
            VALUES (@cluster, @address, @status, @suspects, @proxy, @host, @silo, @role, @update_zone, @fault_zone,
                @start, @alive, @etag)
            ON CONFLICT DO NOTHING
            """, connection, transaction);
        AddEntryParameters(insert, entry);
        if (await insert.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            return false;    // the silo is already in the table; the transaction rolls back the version move
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        return true;
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        if (!await MoveVersionAsync(connection, transaction, tableVersion).ConfigureAwait(false))
        {
            return false;
        }
        await using var update = new NpgsqlCommand("""
            UPDATE cosem_orleans_membership SET status = @status, suspect_times = @suspects, proxy_port = @proxy,
                host_name = @host, silo_name = @silo, role_name = @role, update_zone = @update_zone,
                fault_zone = @fault_zone, start_time = @start, i_am_alive_time = GREATEST(i_am_alive_time, @alive),
                etag = @etag
            WHERE cluster_id = @cluster AND address = @address AND etag = @expected
            """, connection, transaction);
        AddEntryParameters(update, entry);
        update.Parameters.AddWithValue("expected", etag);
        if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            return false;
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        return true;
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        // The heartbeat keeps the row's etag and the table version: a heartbeat between a read and an update must
        // not make the membership protocol's update fail.
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "UPDATE cosem_orleans_membership SET i_am_alive_time = @alive WHERE cluster_id = @cluster AND address = @address", connection);
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("address", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("alive", Utc(entry.IAmAliveTime));
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Moves the version row to <paramref name="next"/> if its etag is still the one the caller read.</summary>
    private async Task<bool> MoveVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TableVersion next)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE cosem_orleans_membership_version SET version = @version, etag = @etag, updated_at = now()
            WHERE cluster_id = @cluster AND etag = @expected
            """, connection, transaction);
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("version", next.Version);
        command.Parameters.AddWithValue("etag", NewEtag());
        command.Parameters.AddWithValue("expected", next.VersionEtag);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    private async Task<MembershipTableData> ReadAsync(string? address)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        // One snapshot for the version and the rows: the contract asks for them to be read atomically.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead).ConfigureAwait(false);
        TableVersion version;
        await using (var versionCommand = new NpgsqlCommand(
            "SELECT version, etag FROM cosem_orleans_membership_version WHERE cluster_id = @cluster", connection, transaction))
        {
            versionCommand.Parameters.AddWithValue("cluster", _clusterId);
            await using var reader = await versionCommand.ExecuteReaderAsync().ConfigureAwait(false);
            version = await reader.ReadAsync().ConfigureAwait(false)
                ? new TableVersion(reader.GetInt32(0), reader.GetString(1))
                : new TableVersion(0, "0");
        }
        var rows = new List<Tuple<MembershipEntry, string>>();
        await using (var rowsCommand = new NpgsqlCommand($"""
            SELECT address, status, suspect_times, proxy_port, host_name, silo_name, role_name, update_zone, fault_zone,
                start_time, i_am_alive_time, etag
            FROM cosem_orleans_membership WHERE cluster_id = @cluster {(address is null ? "" : "AND address = @address")}
            """, connection, transaction))
        {
            rowsCommand.Parameters.AddWithValue("cluster", _clusterId);
            if (address is not null)
            {
                rowsCommand.Parameters.AddWithValue("address", address);
            }
            await using var reader = await rowsCommand.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                rows.Add(Tuple.Create(ReadEntry(reader), reader.GetString(11)));
            }
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        return new MembershipTableData(rows, version);
    }

    /// <summary>The latest of the entry's start, heartbeat and suspicion votes: a silo recently declared dead stays.</summary>
    private static DateTimeOffset LastUpdate(MembershipEntry entry)
    {
        var latest = entry.StartTime > entry.IAmAliveTime ? entry.StartTime : entry.IAmAliveTime;
        foreach (var (_, vote) in entry.SuspectTimes ?? [])
        {
            latest = vote > latest ? vote : latest;
        }
        return new DateTimeOffset(Utc(latest));
    }

    private static string NewEtag() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
