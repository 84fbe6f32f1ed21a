using System.Collections.Concurrent;
using MongoDB.Driver;
using NVelopes.Persistence.MongoDB.Options;

namespace NVelopes.Persistence.MongoDB;

/// <summary>
/// Hands out databases for MongoDB options. A <see cref="MongoClient"/> owns a connection pool and server monitors,
/// so the process keeps one client per distinct connection string and timeout, shared by the account store, every
/// grain storage and the membership table, and disposes them when the host stops. Creating a client does no I/O.
/// </summary>
public sealed class MongoDbClientFactory : IDisposable
{
    private readonly ConcurrentDictionary<(string ConnectionString, TimeSpan Timeout), Lazy<IMongoClient>> _clients = new();

    /// <summary>
    /// The database the options name, with their write concern (default <c>majority</c>, journaled) and majority
    /// read concern, so a read never returns a write that a fail-over could roll back.
    /// </summary>
    public IMongoDatabase GetDatabase(MongoDbConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = ParseUrl(options);
        var client = _clients.GetOrAdd((url.ToString(), options.OperationTimeout), key => new Lazy<IMongoClient>(() => CreateClient(url, key.Timeout))).Value;
        return client
            .GetDatabase(DatabaseName(options))
            .WithWriteConcern(WriteConcernOf(options))
            .WithReadConcern(ReadConcern.Majority);
    }

    /// <summary><see cref="MongoDbConnectionOptions.DatabaseName"/>, else the connection string's path, else <c>nvelopes</c>.</summary>
    public static string DatabaseName(MongoDbConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.DatabaseName)) return options.DatabaseName;
        var fromUrl = ParseUrl(options).DatabaseName;
        return string.IsNullOrEmpty(fromUrl) ? MongoDbConnectionOptions.DefaultDatabaseName : fromUrl;
    }

    /// <summary>The write concern the options ask for, bounded by their operation timeout.</summary>
    public static WriteConcern WriteConcernOf(MongoDbConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new WriteConcern(WriteConcern.WValue.Parse(options.WriteConcern), options.OperationTimeout, journal: options.Journal);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated)) client.Value.Dispose();
        _clients.Clear();
    }

    private static MongoUrl ParseUrl(MongoDbConnectionOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException($"{options.GetType().Name}.{nameof(options.ConnectionString)} is not set.")
            : MongoUrl.Create(options.ConnectionString);

    private static MongoClient CreateClient(MongoUrl url, TimeSpan timeout)
    {
        var settings = MongoClientSettings.FromUrl(url);
        // Bound the steps before a command reaches the server, so an unreachable server fails within the timeout.
        settings.ServerSelectionTimeout = timeout;
        settings.ConnectTimeout = timeout;
        settings.WaitQueueTimeout = timeout;
        settings.ApplicationName ??= "NVelopes";
        return new MongoClient(settings);
    }
}
