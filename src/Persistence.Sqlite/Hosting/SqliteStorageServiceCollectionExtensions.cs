using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NVelopes.Grains.Storage;
using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace NVelopes.Persistence.Sqlite.Hosting;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded SQLite database as the account store, and as the grain storage named
    /// <paramref name="grainStorageNames"/>. Options come from the <c>Storage</c> section.
    /// </summary>
    public static ISiloBuilder AddSqliteStorage(this ISiloBuilder silo, Action<SqliteStorageOptions> configure, params string[] grainStorageNames)
    {
        var services = silo.Services;
        services.AddOptions<SqliteStorageOptions>().Configure(configure);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SqliteAccountStore>();
        services.TryAddSingleton<IAccountStore>(provider => provider.GetRequiredService<SqliteAccountStore>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SqliteDatabaseInitializer>();
        foreach (var name in grainStorageNames)
        {
            services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(provider));
        }
        return silo;
    }
}
