namespace NVelopes.Cluster.Tests;

/// <summary>The one collection of this assembly: every test class shares the <see cref="MongoDbServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MongoDbServerCollection : ICollectionFixture<MongoDbServerFixture>
{
    public const string Name = "MongoDB server";
}
