using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NVelopes.Grains.Abstractions;
using NVelopes.Grains.Schedules;
using NVelopes.Grains.Storage;
using NVelopes.Grains.Telemetry;
using NVelopes.Grains.Testing;
using NVelopes.Persistence.MongoDB.Hosting;
using NVelopes.Persistence.MongoDB.Storage;
using NVelopes.Persistence.Sqlite.Hosting;
using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;
using NVelopes.Hosting.Observability;
using Orleans.Configuration;

namespace NVelopes.Hosting;

public static class NVelopesSiloExtensions
{
    public const string StorageProviderKey = "Storage:Provider";

    /// <summary>Optional MongoDB settings beyond <c>ConnectionStrings:MongoDB</c> (timeouts, write concern).</summary>
    public const string MongoDbSectionName = "Storage:MongoDB";

    /// <summary>
    /// Orleans' reminder settings (<c>MinimumReminderPeriod</c>, …), for tests that tick faster than a minute. Not under
    /// <c>Orleans:</c>, where Orleans would read a section named <c>Reminders</c> as the choice of a reminder provider.
    /// </summary>
    public const string ReminderSectionName = "Reminders";

    /// <summary>
    /// Grains whose location each silo caches. Orleans keeps a million by default and an entry outlives its
    /// activation until the cache evicts it, about 300 bytes each: 30,000 requests for made-up account ids left 9 MB
    /// behind, for good, once their grains had gone. Ten thousand bound that to about 3 MB; a grain missing from the
    /// cache costs one directory lookup, made locally on a single silo.
    /// </summary>
    public const int GrainLocationsCached = 10_000;

    /// <summary>
    /// Everything a NVelopes silo needs: its storage and its clustering (<c>Cluster:Provider</c>, see
    /// <see cref="NVelopesClusteringExtensions"/>). The one place where a host picks its providers.
    /// </summary>
    public static ISiloBuilder AddNVelopesSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<GrainDirectoryOptions>(options => options.CacheSize = GrainLocationsCached);
        WatchdogClock.UseForWatchdog(silo.Services);
        silo.AddNVelopesStorage(configuration);
        silo.UseNVelopesClustering(configuration);
        silo.AddNVelopesObservability(configuration);
        return silo;
    }

    /// <summary>
    /// The grains' services and the store chosen by <c>Storage:Provider</c> for accounts and users, without
    /// clustering (test clusters bring their own).
    /// </summary>
    public static ISiloBuilder AddNVelopesStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<NVelopesTelemetry>();
        silo.Services.AddOptions<PausePointOptions>().BindConfiguration(PausePointOptions.SectionName);
        silo.Services.TryAddSingleton<PausePoints>();

        var provider = configuration.GetValue(StorageProviderKey, StorageProvider.Sqlite);
        switch (provider)
        {
            case StorageProvider.Sqlite:
                silo.AddSqliteStorage(
                    options => configuration.GetSection(SqliteStorageOptions.SectionName).Bind(options),
                    StorageNames.Users);
                silo.Services.InstrumentAccountStore<SqliteAccountStore>();
                break;
            case StorageProvider.MongoDB:
                silo.Services.AddMongoDbAccountStore(options => options.BindMongoDbConfiguration(MongoDbSectionName));
                silo.AddMongoDbGrainStorage(StorageNames.Users, options => options.BindMongoDbConfiguration(MongoDbSectionName));
                silo.Services.InstrumentAccountStore<MongoDbAccountStore>();
                break;
            default:
                throw new InvalidOperationException($"{StorageProviderKey} '{provider}' is not supported by this build.");
        }
        silo.AddNVelopesReminders(configuration, provider);
        return silo;
    }

    /// <summary>
    /// Orleans reminders (the account schedules' ticks) in the store the accounts are in, and in MongoDB whenever the
    /// silos form a cluster through it: a reminder table must be one that every silo of the cluster reads.
    /// </summary>
    private static void AddNVelopesReminders(this ISiloBuilder silo, IConfiguration configuration, StorageProvider provider)
    {
        var clustered = configuration.GetValue(NVelopesClusteringExtensions.ClusterProviderKey, ClusterProvider.Localhost) == ClusterProvider.MongoDB;
        if (provider == StorageProvider.MongoDB || clustered)
            silo.UseMongoDbReminderService(options => options.BindMongoDbConfiguration(MongoDbSectionName));
        else
            silo.UseSqliteReminderService();
        silo.Services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderSectionName));
        silo.Services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.SectionName));
        silo.Services.TryAddSingleton(ScheduleClock.System);
    }

    /// <summary>Makes the account store every grain gets the configured adapter wrapped in traces and metrics.</summary>
    private static void InstrumentAccountStore<TStore>(this IServiceCollection services)
        where TStore : class, IAccountStore =>
        services.Replace(ServiceDescriptor.Singleton<IAccountStore>(provider => new InstrumentedAccountStore(
            provider.GetRequiredService<TStore>(), provider.GetRequiredService<NVelopesTelemetry>())));
}
