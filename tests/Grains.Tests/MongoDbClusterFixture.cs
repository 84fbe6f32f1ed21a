using NVelopes.TestSupport;

namespace NVelopes.Grains.Tests;

/// <summary>The cluster on MongoDB, in a database of its own.</summary>
public sealed class MongoDbClusterFixture : ClusterFixture
{
    protected override async Task<IReadOnlyDictionary<string, string>?> StoreSettingsAsync()
    {
        var server = await MongoDbTestServer.GetAsync();
        SkipReason = server.SkipReason;
        if (server.SkipReason is not null) return null;
        return new Dictionary<string, string>
        {
            ["Storage:Provider"] = "MongoDB",
            ["ConnectionStrings:MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("grains")),
        };
    }
}

[CollectionDefinition(Name)]
public sealed class MongoDbCluster : ICollectionFixture<MongoDbClusterFixture>
{
    public const string Name = "Cluster on MongoDB";
}
