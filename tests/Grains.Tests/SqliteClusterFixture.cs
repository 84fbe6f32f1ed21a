namespace NVelopes.Grains.Tests;

/// <summary>The cluster on the embedded store, in a data directory of its own.</summary>
public sealed class SqliteClusterFixture : ClusterFixture
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "nvelopes-grains-" + Guid.NewGuid().ToString("N"));

    protected override Task<IReadOnlyDictionary<string, string>?> StoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _dataDirectory,
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCluster : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "Cluster on SQLite";
}
