using System.Globalization;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Cosem.HeadEnd.Clustering;

/// <summary>
/// Orleans grain storage in the head-end's PostgreSQL database: a grain's state as Orleans' own binary serialization
/// (the state types are <c>[GenerateSerializer]</c>, so their versioning rules apply) with an etag checked on every
/// write, so a grain activated twice during a silo failure cannot overwrite a newer state with an older one.
/// </summary>
internal sealed class PostgresGrainStorage : IGrainStorage
{
    private readonly string _provider;
    private readonly string _serviceId;
    private readonly PostgresClusterDatabase _database;
    private readonly Serializer _serializer;

    public PostgresGrainStorage(string provider, string serviceId, PostgresClusterDatabase database, Serializer serializer)
    {
        _provider = provider;
        _serviceId = serviceId;
        _database = database;
        _serializer = serializer;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = Command(connection, """
            SELECT payload, etag FROM cosem_orleans_grain_state
            WHERE service_id = @service AND provider = @provider AND state_name = @state AND grain_id = @grain
            """, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (await reader.ReadAsync().ConfigureAwait(false))
        {
            grainState.State = _serializer.Deserialize<T>(reader.GetFieldValue<byte[]>(0));
            grainState.ETag = reader.GetString(1);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        // Without an etag the row must not exist yet; with one, it must still carry that etag.
        await using var command = Command(connection, grainState.ETag is null
            ? """
              INSERT INTO cosem_orleans_grain_state (service_id, provider, state_name, grain_id, payload, etag)
              VALUES (@service, @provider, @state, @grain, @payload, @etag) ON CONFLICT DO NOTHING
              """
            : """
              UPDATE cosem_orleans_grain_state SET payload = @payload, etag = @etag, updated_at = now()
              WHERE service_id = @service AND provider = @provider AND state_name = @state AND grain_id = @grain AND etag = @expected
              """, stateName, grainId);
        command.Parameters.AddWithValue("payload", _serializer.SerializeToArray(grainState.State));
        command.Parameters.AddWithValue("etag", etag);
        command.Parameters.AddWithValue("expected", (object?)grainState.ETag ?? DBNull.Value);
        if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            throw new InconsistentStateException(
                $"The state of {grainId} in grain storage '{_provider}' was changed by another activation.", "unknown", grainState.ETag ?? "none");
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = Command(connection, """
            DELETE FROM cosem_orleans_grain_state
            WHERE service_id = @service AND provider = @provider AND state_name = @state AND grain_id = @grain
            """, stateName, grainId);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("provider", _provider);
        command.Parameters.AddWithValue("state", stateName);
        command.Parameters.AddWithValue("grain", grainId.ToString());
        return command;
    }
}
