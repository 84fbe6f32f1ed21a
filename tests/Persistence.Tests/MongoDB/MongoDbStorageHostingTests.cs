using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Storage;
using NVelopes.Persistence.MongoDB.Hosting;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Persistence.MongoDB.Storage;
using NVelopes.Persistence.Tests.GrainStorage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.MongoDB;

/// <summary>
/// What the storage hosting extensions register, and that the silo lifecycle (not a constructor) connects them:
/// the lifecycle is driven here by hand, as a silo would at start-up.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class MongoDbStorageHostingTests(StorageFixture fixture)
{
    private const string SecretConnectionString = "mongodb://nvelopes:s3cret-pa55@db1:27017,db2:27017/budget?replicaSet=rs0&tlsCertificateKeyFilePassword=k3y";

    [SkippableFact]
    public async Task SiloLifecycle_InitialisesBothProviders_ThenTheyStoreData()
    {
        Skip.If(fixture.MongoSkipReason is not null, fixture.MongoSkipReason);
        await using var services = Build(s => s
            .AddMongoDbGrainStorage("users", o => o.Configure(options => fixture.MongoOptions(options)))
            .AddMongoDbAccountStore(o => o.Configure(options => fixture.MongoOptions(options))));
        foreach (var validator in services.GetServices<IConfigurationValidator>()) validator.ValidateConfiguration();
        var storage = services.GetRequiredKeyedService<IGrainStorage>("users");
        var lifecycle = new RecordingSiloLifecycle();

        foreach (var participant in services.GetServices<ILifecycleParticipant<ISiloLifecycle>>()) participant.Participate(lifecycle);
        await lifecycle.StartAsync();

        Assert.Equal(2, lifecycle.Observers.Count);
        Assert.All(lifecycle.Observers, o => Assert.Equal(ServiceLifecycleStage.ApplicationServices, o.Stage));
        var state = new GrainState<ProfileState> { State = new ProfileState { Name = "Joe" } };
        await storage.WriteStateAsync("users", GrainId.Create("user", Guid.NewGuid().ToString("N")), state, CancellationToken.None);
        Assert.True(state.RecordExists);
        var store = Assert.IsType<MongoDbAccountStore>(services.GetRequiredService<IAccountStore>());
        Assert.Same(store, services.GetRequiredService<IAccountStore>());
        Assert.Null(await store.LoadAsync(Guid.NewGuid().ToString("N"), CancellationToken.None));
    }

    [Fact]
    public async Task GrainStorage_UsedBeforeTheLifecycleInitialisedIt_FailsClearly()
    {
        await using var services = Build(s => s.AddMongoDbGrainStorage("users", o => o.Configure(options => options.ConnectionString = SecretConnectionString)));
        var storage = services.GetRequiredKeyedService<IGrainStorage>("users");

        var error = await Assert.ThrowsAsync<MongoDbStorageException>(() => storage.ReadStateAsync(
            "users", GrainId.Create("user", "joe"), new GrainState<ProfileState>(), CancellationToken.None));

        Assert.Contains("before the silo lifecycle initialised it", error.Message);
    }

    [Fact]
    public async Task Validators_MissingConnectionString_NameTheProviderAndTheSetting()
    {
        await using var services = Build(s => s.AddMongoDbGrainStorage("users").AddMongoDbAccountStore());

        var messages = services.GetServices<IConfigurationValidator>()
            .Select(v => Assert.Throws<OrleansConfigurationException>(v.ValidateConfiguration).Message)
            .ToList();

        Assert.Contains(messages, m => m.Contains("MongoDB grain storage 'users'") && m.Contains("MongoDbGrainStorageOptions.ConnectionString is required"));
        Assert.Contains(messages, m => m.Contains("MongoDB account store") && m.Contains("MongoDbAccountStoreOptions.ConnectionString is required"));
    }

    [Fact]
    public async Task Validator_OperationTimeoutNotPositive_NamesTheSetting()
    {
        await using var services = Build(s => s.AddMongoDbAccountStore(o => o.Configure(options =>
        {
            options.ConnectionString = SecretConnectionString;
            options.OperationTimeout = TimeSpan.Zero;
        })));

        var error = Assert.Throws<OrleansConfigurationException>(Assert.Single(services.GetServices<IConfigurationValidator>()).ValidateConfiguration);

        Assert.Contains("MongoDbAccountStoreOptions.OperationTimeout must be greater than zero", error.Message);
    }

    [Fact]
    public async Task Options_BoundFromConfiguration_TakeTheSharedConnectionString()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:MongoDB"] = SecretConnectionString,
            [$"{MongoDbAccountStoreOptions.SectionName}:OperationTimeout"] = "00:00:02",
            [$"{MongoDbGrainStorageOptions.SectionName}:CollectionPrefix"] = "state_",
        }).Build();
        await using var services = Build(s => s
            .AddSingleton<IConfiguration>(configuration)
            .AddMongoDbAccountStore(o => o.BindMongoDbConfiguration(MongoDbAccountStoreOptions.SectionName))
            .AddMongoDbGrainStorage("users", o => o.BindMongoDbConfiguration(MongoDbGrainStorageOptions.SectionName)));

        var accounts = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MongoDbAccountStoreOptions>>().Value;
        var users = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<MongoDbGrainStorageOptions>>().Get("users");

        Assert.Equal(SecretConnectionString, accounts.ConnectionString);
        Assert.Equal(TimeSpan.FromSeconds(2), accounts.OperationTimeout);
        Assert.Equal(SecretConnectionString, users.ConnectionString);
        Assert.Equal("state_", users.CollectionPrefix);
        Assert.Equal(TimeSpan.FromSeconds(5), users.OperationTimeout);
    }

    [Fact]
    public async Task OptionsLog_ShowsHostsAndDatabase_NeverCredentialsOrOptions()
    {
        await using var services = Build(s => s.AddMongoDbAccountStore(o => o.Configure(options => options.ConnectionString = SecretConnectionString)));

        var formatter = Assert.Single(services.GetServices<IOptionFormatter>().OfType<IOptionFormatter<MongoDbAccountStoreOptions>>());
        var lines = string.Join('\n', formatter.Format());

        Assert.Contains("db1:27017,db2:27017/budget", lines);
        Assert.DoesNotContain("s3cret", lines);
        Assert.DoesNotContain("nvelopes:", lines);
        Assert.DoesNotContain("k3y", lines);
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TestSerializer.Create());
        // A silo registers Orleans' (internal) default options formatter; a bare container needs it here.
        services.AddSingleton(typeof(IOptionFormatter<>), typeof(IOptionFormatter).Assembly.GetType("Orleans.DefaultOptionsFormatter`1", throwOnError: true)!);
        configure(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Collects the lifecycle subscriptions and starts them in stage order, as the silo does.</summary>
    private sealed class RecordingSiloLifecycle : ISiloLifecycle
    {
        public List<(string Name, int Stage, ILifecycleObserver Observer)> Observers { get; } = [];

        public int HighestCompletedStage { get; private set; }

        public int LowestStoppedStage { get; private set; }

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            Observers.Add((observerName, stage, observer));
            return new Unsubscriber();
        }

        public async Task StartAsync()
        {
            foreach (var (_, stage, observer) in Observers.OrderBy(o => o.Stage))
            {
                await observer.OnStart(CancellationToken.None);
                HighestCompletedStage = stage;
            }
        }

        private sealed class Unsubscriber : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
