using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NVelopes.Grains.Storage;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Persistence.MongoDB.Storage;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="IServiceCollection"/> extensions of the MongoDB account store.</summary>
public static class MongoDbAccountStoreServiceCollectionExtensions
{
    /// <summary>
    /// Makes MongoDB the <see cref="IAccountStore"/> of the silo: a singleton store, its options (checked at silo
    /// start, connection string redacted from the options log) and a silo lifecycle step that refuses a server
    /// without transactions and creates the indexes before any grain is activated.
    /// </summary>
    public static IServiceCollection AddMongoDbAccountStore(
        this IServiceCollection services, Action<OptionsBuilder<MongoDbAccountStoreOptions>>? configureOptions = null)
    {
        configureOptions?.Invoke(services.AddOptions<MongoDbAccountStoreOptions>());
        services.TryAddSingleton<MongoDbClientFactory>();
        services.TryAddSingleton<MongoDbAccountStore>();
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<MongoDbAccountStore>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MongoDbAccountStoreInitializer>();
        services.AddTransient<IConfigurationValidator>(sp => new MongoDbOptionsValidator<MongoDbAccountStoreOptions>(
            sp.GetRequiredService<IOptions<MongoDbAccountStoreOptions>>().Value, "MongoDB account store"));
        services.ConfigureFormatter<MongoDbAccountStoreOptions>();
        return services;
    }
}
