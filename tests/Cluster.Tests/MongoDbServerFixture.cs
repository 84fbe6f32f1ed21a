using MongoDB.Driver;
using NVelopes.TestSupport;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// The MongoDB server of this test run (<see cref="MongoDbTestServer"/>: <c>MONGODB_URI</c>, else a container where
/// Docker runs, else none with the reason in <see cref="SkipReason"/>), shared by every test of the assembly. Each
/// test names its own database and drops it.
/// </summary>
public sealed class MongoDbServerFixture : IAsyncLifetime
{
    private MongoDbTestServer _server = null!;

    /// <summary>Why tests that need MongoDB cannot run here; null when a server is available.</summary>
    public string? SkipReason => _server.SkipReason;

    public async Task InitializeAsync() => _server = await MongoDbTestServer.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The server's connection string with its path naming <paramref name="databaseName"/>.</summary>
    public string ConnectionStringFor(string databaseName) => _server.ConnectionStringFor(databaseName);

    /// <summary>Drops a test's database.</summary>
    public async Task DropDatabaseAsync(string databaseName)
    {
        using var client = new MongoClient(ConnectionStringFor(databaseName));
        await client.DropDatabaseAsync(databaseName);
    }
}
