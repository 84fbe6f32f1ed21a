using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using NVelopes.Grains.Telemetry;
using NVelopes.Persistence.MongoDB;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Persistence.MongoDB.Storage;
using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;
using NVelopes.Persistence.Tests.MongoDB;
using Testcontainers.MongoDb;

namespace NVelopes.Persistence.Tests;

/// <summary>
/// The storage back ends of this test run, shared by every test class: one MongoDB database of its own
/// (<c>nvelopes_test_…</c>, dropped at the end) and one SQLite file in a temporary directory (deleted at the end).
/// MongoDB comes from <c>MONGODB_URI</c>; without it a replica-set container is started where Docker runs;
/// otherwise the MongoDB tests are skipped with the reason in <see cref="MongoSkipReason"/>.
/// </summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public const string MongoUriVariable = "MONGODB_URI";

    private readonly string _sqliteDirectory = Path.Combine(Path.GetTempPath(), $"nvelopes-persistence-tests-{Guid.NewGuid():N}");
    private MongoDbContainer? _container;

    public string MongoDatabaseName { get; } = $"nvelopes_test_{Guid.NewGuid():N}";

    /// <summary>Why MongoDB tests cannot run here; null when a server is available.</summary>
    public string? MongoSkipReason { get; private set; }

    public string MongoConnectionString { get; private set; } = "";

    public MongoDbClientFactory MongoClients { get; } = new();

    public MongoDbAccountStore MongoAccountStore { get; private set; } = null!;

    public SqliteDatabase Sqlite { get; private set; } = null!;

    public SqliteAccountStore SqliteAccountStore { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sqlite = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(new SqliteStorageOptions { DataDirectory = _sqliteDirectory }));
        SqliteAccountStore = new SqliteAccountStore(Sqlite, TimeProvider.System);
        await SqliteAccountStore.InitializeAsync(CancellationToken.None);

        MongoConnectionString = await FindMongoServerAsync() ?? "";
        if (MongoSkipReason is not null) return;
        MongoAccountStore = CreateMongoAccountStore();
        await MongoAccountStore.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (MongoSkipReason is null)
            await MongoClients.GetDatabase(MongoOptions(new MongoDbAccountStoreOptions())).Client.DropDatabaseAsync(MongoDatabaseName);
        MongoClients.Dispose();
        if (_container is not null) await _container.DisposeAsync();
        await Sqlite.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteDirectory)) Directory.Delete(_sqliteDirectory, recursive: true);
    }

    /// <summary>Fills in the test run's server and database.</summary>
    public TOptions MongoOptions<TOptions>(TOptions options) where TOptions : MongoDbConnectionOptions
    {
        options.ConnectionString = MongoConnectionString;
        options.DatabaseName = MongoDatabaseName;
        return options;
    }

    /// <summary>
    /// A second store over the same database, for tests that watch its telemetry or act inside its commits: each
    /// write of events in a commit's transaction first awaits <paramref name="beforeEventWrite"/> with the ids of
    /// the accounts written (see <see cref="EventWriteInterception"/>).
    /// </summary>
    public MongoDbAccountStore CreateMongoAccountStore(
        NVelopesTelemetry? telemetry = null, Func<IReadOnlyCollection<string>, Task>? beforeEventWrite = null)
    {
        var options = MongoOptions(new MongoDbAccountStoreOptions());
        var database = MongoClients.GetDatabase(options);
        if (beforeEventWrite is not null) database = EventWriteInterception.Intercept(database, beforeEventWrite);
        return new MongoDbAccountStore(options, database, NullLogger<MongoDbAccountStore>.Instance, telemetry);
    }

    public IMongoDatabase MongoDatabase() => MongoClients.GetDatabase(MongoOptions(new MongoDbAccountStoreOptions()));

    private async Task<string?> FindMongoServerAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(MongoUriVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        try
        {
            _container = new MongoDbBuilder("mongo:8.0").WithReplicaSet("rs0").Build();
            await _container.StartAsync();
            return _container.GetConnectionString();
        }
        catch (Exception ex)
        {
            MongoSkipReason = $"{MongoUriVariable} is not set and no MongoDB container could be started ({ex.GetType().Name}: {ex.Message})";
            return null;
        }
    }
}
