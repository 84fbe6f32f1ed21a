using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace NVelopes.TestSupport;

/// <summary>
/// The MongoDB server of a test run: <c>MONGODB_URI</c> when set (CI always sets it); otherwise a replica-set
/// container started once per test process where Docker runs; otherwise none, with the reason the MongoDB tests
/// show when they skip.
/// </summary>
public sealed class MongoDbTestServer
{
    public const string UriVariable = "MONGODB_URI";

    private static readonly Lazy<Task<MongoDbTestServer>> SharedServer = new(FindAsync);

    private MongoDbTestServer(string? connectionString, string? skipReason)
    {
        ConnectionString = connectionString;
        SkipReason = skipReason;
    }

    /// <summary>The server's connection string, or null when there is none.</summary>
    public string? ConnectionString { get; }

    /// <summary>Why MongoDB tests cannot run here; null when a server is available.</summary>
    public string? SkipReason { get; }

    public static Task<MongoDbTestServer> GetAsync() => SharedServer.Value;

    /// <summary>A database name no other test run uses.</summary>
    public static string NewDatabaseName(string purpose) => $"nvelopes_{purpose}_{Guid.NewGuid():N}";

    /// <summary><see cref="ConnectionString"/> with its path naming <paramref name="databaseName"/>.</summary>
    public string ConnectionStringFor(string databaseName)
    {
        var url = new MongoUrlBuilder(ConnectionString ?? throw new InvalidOperationException(SkipReason)) { DatabaseName = databaseName };
        return url.ToString();
    }

    private static async Task<MongoDbTestServer> FindAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(UriVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return new MongoDbTestServer(fromEnvironment, null);
        try
        {
            var container = new MongoDbBuilder("mongo:8.0").WithReplicaSet("rs0").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new MongoDbTestServer(container.GetConnectionString(), null);
        }
        catch (Exception noDocker)
        {
            return new MongoDbTestServer(null,
                $"{UriVariable} is not set and no MongoDB container could be started ({noDocker.GetType().Name}: {noDocker.Message})");
        }
    }
}
