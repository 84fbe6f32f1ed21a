using NVelopes.TestSupport;

namespace NVelopes.Grains.Tests;

/// <summary>
/// The store a test cluster runs on, named through configuration exactly as a real host names it: the embedded one
/// in a data directory of its own, or MongoDB in a database of its own.
/// </summary>
public abstract class ClusterStore
{
    /// <summary>Why the store is missing, or null when a cluster can run on it.</summary>
    public string? SkipReason { get; protected set; }

    /// <summary>The host settings that name the store; null when it is missing (see <see cref="SkipReason"/>).</summary>
    public abstract Task<IReadOnlyDictionary<string, string>?> SettingsAsync();

    /// <summary>Removes what the store left behind, once the cluster is gone.</summary>
    public virtual void Delete()
    {
    }

    public static ClusterStore Sqlite(string directoryPrefix) => new SqliteStore(directoryPrefix);

    public static ClusterStore MongoDb(string databasePrefix) => new MongoDbStore(databasePrefix);

    private sealed class SqliteStore(string directoryPrefix) : ClusterStore
    {
        private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), directoryPrefix + Guid.NewGuid().ToString("N"));

        public override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
            Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:DataDirectory"] = _dataDirectory,
            });

        public override void Delete()
        {
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private sealed class MongoDbStore(string databasePrefix) : ClusterStore
    {
        public override async Task<IReadOnlyDictionary<string, string>?> SettingsAsync()
        {
            var server = await MongoDbTestServer.GetAsync();
            SkipReason = server.SkipReason;
            if (server.SkipReason is not null) return null;
            return new Dictionary<string, string>
            {
                ["Storage:Provider"] = "MongoDB",
                ["ConnectionStrings:MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName(databasePrefix)),
            };
        }
    }
}
