using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Abstractions;
using NVelopes.Persistence.Sqlite.Hosting;
using NVelopes.Persistence.Sqlite.Options;
using Orleans.Runtime;

namespace NVelopes.Silo.Hosting;

public static class NVelopesSiloExtensions
{
    public const string StorageProviderKey = "Storage:Provider";

    /// <summary>
    /// Everything a NVelopes silo needs: its storage and its clustering. The one place where a host picks its
    /// providers.
    /// </summary>
    public static ISiloBuilder AddNVelopesSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddNVelopesStorage(configuration);
        silo.UseLocalhostClustering();
        return silo;
    }

    /// <summary>
    /// The grains' services and the store chosen by <c>Storage:Provider</c> for accounts and users, without
    /// clustering (test clusters bring their own).
    /// </summary>
    public static ISiloBuilder AddNVelopesStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AccountStoreInitializer>();

        var provider = configuration.GetValue(StorageProviderKey, StorageProvider.Sqlite);
        switch (provider)
        {
            case StorageProvider.Sqlite:
                silo.AddSqliteStorage(
                    options => configuration.GetSection(SqliteStorageOptions.SectionName).Bind(options),
                    StorageNames.Users);
                break;
            default:
                throw new InvalidOperationException($"{StorageProviderKey} '{provider}' is not supported by this build.");
        }
        return silo;
    }
}
