namespace NVelopes.Grains.Tests;

/// <summary>The cluster on MongoDB, in a database of its own.</summary>
public sealed class MongoDbClusterFixture() : ClusterFixture(ClusterStore.MongoDb("grains"));

[CollectionDefinition(Name)]
public sealed class MongoDbCluster : ICollectionFixture<MongoDbClusterFixture>
{
    public const string Name = "Cluster on MongoDB";
}
