namespace NVelopes.Grains.Tests;

/// <summary>The cluster on the embedded store, in a data directory of its own.</summary>
public sealed class SqliteClusterFixture() : ClusterFixture(ClusterStore.Sqlite("nvelopes-grains-"));

[CollectionDefinition(Name)]
public sealed class SqliteCluster : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "Cluster on SQLite";
}
