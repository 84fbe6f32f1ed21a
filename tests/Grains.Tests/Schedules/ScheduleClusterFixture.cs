using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NVelopes.Grains.Schedules;
using NVelopes.Hosting;
using NVelopes.TestSupport;
using Orleans.TestingHost;

namespace NVelopes.Grains.Tests.Schedules;

/// <summary>
/// A two-silo cluster for schedules: ticks every second, and a schedule clock of its own (<see cref="Clock"/>) that
/// tests move forward while Orleans keeps real time. <see cref="RestartAsync"/> stops every silo and starts new ones
/// on the same store and service id, as a restart of the service does: reminders and accounts come back from it.
/// </summary>
public abstract class ScheduleClusterFixture : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();
    private const string ClockKey = "Test:ScheduleClock";

    private readonly string _clockId = Guid.NewGuid().ToString("N");
    private readonly string _serviceId = "schedules-" + Guid.NewGuid().ToString("N");
    private IReadOnlyDictionary<string, string>? _settings;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Why the store is missing, or null when the cluster can run.</summary>
    public string? SkipReason { get; protected set; }

    protected abstract Task<IReadOnlyDictionary<string, string>?> StoreSettingsAsync();

    public async Task InitializeAsync()
    {
        Clocks[_clockId] = Clock;
        _settings = await StoreSettingsAsync();
        if (_settings is null) return;
        await StartAsync();
    }

    /// <summary>Stops every silo, then starts a new cluster on the same store, as a restart of the whole service.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        Clocks.TryRemove(_clockId, out _);
    }

    private async Task StartAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.ServiceId = _serviceId;
        builder.Options.ClusterId = _serviceId;
        foreach (var (key, value) in _settings!) builder.Properties[key] = value;
        builder.Properties[ClockKey] = _clockId;
        builder.Properties["Schedules:TickPeriod"] = "00:00:01";
        builder.Properties["Reminders:MinimumReminderPeriod"] = "00:00:01";
        builder.AddSiloBuilderConfigurator<ScheduleSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    private sealed class ScheduleSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddNVelopesStorage(siloBuilder.Configuration);
            siloBuilder.Services.AddSingleton(new ScheduleClock(Clocks[siloBuilder.Configuration[ClockKey]!]));
        }
    }
}

/// <summary>The schedules cluster on the embedded store, in a data directory of its own.</summary>
public sealed class SqliteScheduleClusterFixture : ScheduleClusterFixture
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "nvelopes-schedules-" + Guid.NewGuid().ToString("N"));

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

/// <summary>The schedules cluster on MongoDB, in a database of its own.</summary>
public sealed class MongoDbScheduleClusterFixture : ScheduleClusterFixture
{
    protected override async Task<IReadOnlyDictionary<string, string>?> StoreSettingsAsync()
    {
        var server = await MongoDbTestServer.GetAsync();
        SkipReason = server.SkipReason;
        if (server.SkipReason is not null) return null;
        return new Dictionary<string, string>
        {
            ["Storage:Provider"] = "MongoDB",
            ["ConnectionStrings:MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("schedules")),
        };
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteScheduleCluster : ICollectionFixture<SqliteScheduleClusterFixture>
{
    public const string Name = "Schedules cluster on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MongoDbScheduleCluster : ICollectionFixture<MongoDbScheduleClusterFixture>
{
    public const string Name = "Schedules cluster on MongoDB";
}
