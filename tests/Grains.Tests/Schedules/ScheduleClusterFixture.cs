using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NVelopes.Grains.Schedules;
using Orleans.TestingHost;

namespace NVelopes.Grains.Tests.Schedules;

/// <summary>
/// A two-silo cluster for schedules: ticks every second, and a schedule clock of its own (<see cref="Clock"/>) that
/// tests move forward while Orleans keeps real time. <see cref="RestartAsync"/> stops every silo and starts new ones
/// on the same store and service id, as a restart of the service does: reminders and accounts come back from it.
/// </summary>
public abstract class ScheduleClusterFixture(ClusterStore store) : ClusterFixture(store)
{
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();
    private const string ClockKey = "Test:ScheduleClock";

    private readonly string _clockId = Guid.NewGuid().ToString("N");
    private readonly string _serviceId = "schedules-" + Guid.NewGuid().ToString("N");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));

    public override Task InitializeAsync()
    {
        Clocks[_clockId] = Clock;
        return base.InitializeAsync();
    }

    /// <summary>Stops every silo, then starts a new cluster on the same store, as a restart of the whole service.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Clocks.TryRemove(_clockId, out _);
    }

    protected override void Configure(TestClusterBuilder builder)
    {
        // The same service and cluster ids on every start, so a restart finds its reminders and accounts again.
        builder.Options.ServiceId = _serviceId;
        builder.Options.ClusterId = _serviceId;
        builder.Properties[ClockKey] = _clockId;
        builder.Properties["Schedules:TickPeriod"] = "00:00:01";
        builder.Properties["Reminders:MinimumReminderPeriod"] = "00:00:01";
        builder.AddSiloBuilderConfigurator<ClockConfigurator>();
    }

    private sealed class ClockConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSingleton(new ScheduleClock(Clocks[siloBuilder.Configuration[ClockKey]!]));
    }
}

/// <summary>The schedules cluster on the embedded store, in a data directory of its own.</summary>
public sealed class SqliteScheduleClusterFixture() : ScheduleClusterFixture(ClusterStore.Sqlite("nvelopes-schedules-"));

/// <summary>The schedules cluster on MongoDB, in a database of its own.</summary>
public sealed class MongoDbScheduleClusterFixture() : ScheduleClusterFixture(ClusterStore.MongoDb("schedules"));

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
