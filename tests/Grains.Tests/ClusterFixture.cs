using Microsoft.Extensions.Configuration;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Hosting;
using Orleans.TestingHost;

namespace NVelopes.Grains.Tests;

/// <summary>
/// A two-silo test cluster on one store, shared by the tests of a collection: the one lifecycle of every cluster
/// fixture here. A subclass chooses the store and may add to the cluster it builds (<see cref="Configure"/>).
/// </summary>
public abstract class ClusterFixture(ClusterStore store) : IAsyncLifetime
{
    private IReadOnlyDictionary<string, string>? _settings;

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>
    /// A new user, registered and authenticated once, as sign-up and the user's first request leave them: their
    /// identity grain knows them, so accounts they open are theirs.
    /// </summary>
    public async Task<UserView> SignUpAsync(string usernamePrefix)
    {
        var username = usernamePrefix + Guid.NewGuid().ToString("N")[..12];
        var user = await Client.GetGrain<IUserGrain>(username)
            .RegisterAsync(new RegisterUser(Guid.NewGuid().ToString("N"), username, username + "@example.com", "A " + usernamePrefix, "not-a-real-hash"));
        await Client.GetGrain<IUserIdentityGrain>(user.UserId).AuthenticateAsync(username);
        return user;
    }

    /// <summary>Why the store is missing, or null when the cluster can run.</summary>
    public string? SkipReason => store.SkipReason;

    public virtual async Task InitializeAsync()
    {
        _settings = await store.SettingsAsync();
        if (_settings is null) return;
        await StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        store.Delete();
    }

    /// <summary>Adds to the cluster each start builds, after the store's settings and the store itself.</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    /// <summary>Builds and deploys a new cluster on the store.</summary>
    protected async Task StartAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        foreach (var (key, value) in _settings!) builder.Properties[key] = value;
        builder.AddSiloBuilderConfigurator<StoreConfigurator>();
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    private sealed class StoreConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddNVelopesStorage(siloBuilder.Configuration);
    }
}
