using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace NVelopes.Persistence.Sqlite.Storage;

/// <summary>
/// Orleans grain storage on the embedded database for plain grain state (users). One row per state name and
/// grain; every write gets a new ETag and is refused with <see cref="InconsistentStateException"/> when the
/// caller's ETag is not the stored one.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            grainState.State = serializer.Deserialize<T>(BinaryData.FromBytes((byte[])reader["data"]));
            grainState.ETag = reader.GetString(0);
            grainState.RecordExists = true;
        }
        else
        {
            ResetToFresh(grainState);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var newETag = Guid.NewGuid().ToString("N");
        var data = serializer.Serialize(grainState.State).ToArray();
        await database.Writer.WriteAsync(async write =>
        {
            var command = write.Command(grainState.ETag is null
                ? """
                  INSERT INTO grain_state (state_name, grain_id, etag, data) VALUES ($state, $grain, $etag, $data)
                  ON CONFLICT (state_name, grain_id) DO NOTHING
                  """
                : "UPDATE grain_state SET etag = $etag, data = $data WHERE state_name = $state AND grain_id = $grain AND etag = $expected");
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("$etag", newETag);
            command.Parameters.AddWithValue("$data", data);
            command.Parameters.AddWithValue("$expected", (object?)grainState.ETag ?? DBNull.Value);
            if (await command.ExecuteNonQueryAsync() != 1) throw Stale(stateName, grainId, grainState.ETag);
        });
        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await database.Writer.WriteAsync(async write =>
        {
            // Deletes the row only at the caller's ETag; with no ETag the caller believes there is no row, and
            // the count tells whether one exists after all.
            var command = write.Command(grainState.ETag is null
                ? "SELECT COUNT(*) FROM grain_state WHERE state_name = $state AND grain_id = $grain"
                : "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain AND etag = $expected");
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("$expected", (object?)grainState.ETag ?? DBNull.Value);
            var affected = grainState.ETag is null
                ? Convert.ToInt32(await command.ExecuteScalarAsync())
                : 1 - await command.ExecuteNonQueryAsync();
            if (affected != 0) throw Stale(stateName, grainId, grainState.ETag);
        });
        ResetToFresh(grainState);
    }

    private static void ResetToFresh<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
    }

    private static InconsistentStateException Stale(string stateName, GrainId grainId, string? eTag) =>
        new($"The stored '{stateName}' state of {grainId} is not at ETag '{eTag ?? "(none)"}'; the change was refused.");
}
