namespace NVelopes.Persistence.Tests;

/// <summary>The one collection of this assembly: every test class shares the <see cref="StorageFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<StorageFixture>
{
    public const string Name = "Storage";
}
