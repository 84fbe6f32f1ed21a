using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using NVelopes.Persistence.MongoDB.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// Plain grain state in MongoDB: one collection per state name (<c>grainstate_users</c>), one document per grain,
/// with an ETag that changes on every write. A write or clear whose ETag is not the stored one throws
/// <see cref="InconsistentStateException"/> and changes nothing. The connection is checked in a silo lifecycle
/// stage, before any grain can be activated.
/// </summary>
internal sealed partial class MongoDbGrainStorage(
    string name,
    MongoDbGrainStorageOptions options,
    MongoDbClientFactory clients,
    ILogger<MongoDbGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<string, IMongoCollection<GrainStateDocument>> _collections = new();
    private IMongoDatabase? _database;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<MongoDbGrainStorage>(name), options.InitStage, InitializeAsync);

    /// <summary>Connects and checks that the server answers; run by the silo lifecycle (and by tests).</summary>
    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var database = clients.GetDatabase(options);
            await MongoDbOperation.RunAsync(options.OperationTimeout, $"connecting grain storage {name}",
                token => database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: token), cancellationToken)
                .ConfigureAwait(false);
            _database = database;
            LogInitialized(name, database.DatabaseNamespace.DatabaseName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInitializeFailed(ex, name);
            throw new MongoDbStorageException($"MongoDB grain storage '{name}' could not connect: {ex.Message}", ex);
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync("read", stateName, grainId, async id =>
        {
            var document = await MongoDbOperation.RunAsync(options.OperationTimeout, $"reading {stateName} of {id}",
                token => Collection(stateName).Find(d => d.Id == id, new FindOptions { MaxTime = options.OperationTimeout }).FirstOrDefaultAsync(token),
                cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                grainState.State = FreshState(grainState.State);
                grainState.ETag = null;
                grainState.RecordExists = false;
                return;
            }
            grainState.State = options.GrainStorageSerializer.Deserialize<T>(new BinaryData(document.Data));
            grainState.ETag = document.ETag;
            grainState.RecordExists = true;
        });

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync("write", stateName, grainId, async id =>
        {
            var document = new GrainStateDocument
            {
                Id = id,
                ETag = Guid.NewGuid().ToString("N"),
                Data = options.GrainStorageSerializer.Serialize(grainState.State).ToArray(),
            };
            var written = await MongoDbOperation.RunAsync(options.OperationTimeout, $"writing {stateName} of {id}",
                token => grainState.ETag is null ? InsertAsync(stateName, document, token) : ReplaceAsync(stateName, grainState.ETag, document, token),
                cancellationToken).ConfigureAwait(false);
            if (!written) throw Conflict("write", stateName, id, grainState.ETag);
            grainState.ETag = document.ETag;
            grainState.RecordExists = true;
        });

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync("clear", stateName, grainId, async id =>
        {
            var cleared = await MongoDbOperation.RunAsync(options.OperationTimeout, $"clearing {stateName} of {id}",
                token => DeleteAsync(stateName, id, grainState.ETag, token), cancellationToken).ConfigureAwait(false);
            if (!cleared) throw Conflict("clear", stateName, id, grainState.ETag);
            grainState.ETag = null;
            grainState.RecordExists = false;
        });

    /// <summary>
    /// Runs one operation on the state of <paramref name="grainId"/>. An ETag conflict and a caller's cancellation
    /// pass through as they are; any other failure is logged and reported as a <see cref="MongoDbStorageException"/>
    /// naming the provider, the <paramref name="operation"/> and the grain.
    /// </summary>
    private async Task RunAsync(string operation, string stateName, GrainId grainId, Func<string, Task> run)
    {
        var id = grainId.ToString();
        try
        {
            await run(id).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not InconsistentStateException and not OperationCanceledException)
        {
            LogOperationFailed(ex, name, operation, stateName, id);
            throw new MongoDbStorageException($"MongoDB grain storage '{name}' could not {operation} {stateName} of {id}: {ex.Message}", ex);
        }
    }

    /// <summary>A first write (no ETag) inserts; it loses if the record already exists.</summary>
    private async Task<bool> InsertAsync(string stateName, GrainStateDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await Collection(stateName).InsertOneAsync(document, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    /// <summary>A later write replaces the record only while it still carries the ETag the grain read.</summary>
    private async Task<bool> ReplaceAsync(string stateName, string etag, GrainStateDocument document, CancellationToken cancellationToken)
    {
        var result = await Collection(stateName)
            .ReplaceOneAsync(d => d.Id == document.Id && d.ETag == etag, document, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return result.MatchedCount == 1;
    }

    /// <summary>
    /// Deletes the record while it carries the grain's ETag. Without an ETag the grain believes there is no record:
    /// that holds (so a repeated clear succeeds) unless someone else has written one since.
    /// </summary>
    private async Task<bool> DeleteAsync(string stateName, string id, string? etag, CancellationToken cancellationToken)
    {
        var collection = Collection(stateName);
        if (etag is null)
            return await collection.CountDocumentsAsync(d => d.Id == id, new CountOptions { Limit = 1 }, cancellationToken).ConfigureAwait(false) == 0;
        var result = await collection.DeleteOneAsync(d => d.Id == id && d.ETag == etag, cancellationToken).ConfigureAwait(false);
        return result.DeletedCount == 1;
    }

    private IMongoCollection<GrainStateDocument> Collection(string stateName)
    {
        var database = _database ?? throw new InvalidOperationException(
            $"MongoDB grain storage '{name}' is used before the silo lifecycle initialised it.");
        return _collections.GetOrAdd(stateName, state => database.GetCollection<GrainStateDocument>(CollectionName(state)));
    }

    /// <summary>The prefix and the state name, with characters MongoDB refuses in collection names replaced.</summary>
    internal string CollectionName(string stateName) =>
        options.CollectionPrefix + string.Concat(stateName.Select(c => c is '$' or '\0' ? '_' : c));

    private InconsistentStateException Conflict(string operation, string stateName, string id, string? etag)
    {
        LogConflict(name, operation, stateName, id);
        return new InconsistentStateException(
            $"MongoDB grain storage '{name}': {operation} of {stateName} of {id} with ETag '{etag ?? "(none)"}' refused: the stored record has another ETag or none.",
            "unknown",
            etag ?? "");
    }

    /// <summary>A missing record reads as a new instance of the state type, when the type has a parameterless constructor.</summary>
    private static T FreshState<T>(T current) =>
        typeof(T).IsValueType || typeof(T).GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance<T>() : current;

    [LoggerMessage(Level = LogLevel.Information, Message = "MongoDB grain storage {Provider} ready in database {Database}")]
    private partial void LogInitialized(string provider, string database);

    [LoggerMessage(Level = LogLevel.Error, Message = "MongoDB grain storage {Provider} could not connect")]
    private partial void LogInitializeFailed(Exception exception, string provider);

    [LoggerMessage(Level = LogLevel.Error, Message = "MongoDB grain storage {Provider} could not {Operation} {StateName} of {GrainId}")]
    private partial void LogOperationFailed(Exception exception, string provider, string operation, string stateName, string grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MongoDB grain storage {Provider}: {Operation} of {StateName} of {GrainId} refused on an ETag mismatch")]
    private partial void LogConflict(string provider, string operation, string stateName, string grainId);
}
