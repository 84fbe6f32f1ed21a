using Microsoft.Extensions.Configuration;
using NVelopes.Hosting;
using Orleans.TestingHost;

namespace NVelopes.Grains.Tests;

/// <summary>
/// A two-silo test cluster on one store, shared by the tests of a collection. Each subclass names its store
/// through configuration, exactly as a real host would.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Why the store is missing, or null when the cluster can run.</summary>
    public string? SkipReason { get; protected set; }

    protected abstract Task<IReadOnlyDictionary<string, string>?> StoreSettingsAsync();

    public async Task InitializeAsync()
    {
        var settings = await StoreSettingsAsync();
        if (settings is null) return;
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        foreach (var (key, value) in settings) builder.Properties[key] = value;
        builder.AddSiloBuilderConfigurator<StoreConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }

    private sealed class StoreConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddNVelopesStorage(siloBuilder.Configuration);
    }
}
