using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Persistence.MongoDB.Storage;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="IServiceCollection"/> extensions of the MongoDB grain storage.</summary>
public static class MongoDbGrainStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds a MongoDB grain storage provider named <paramref name="name"/>: its named options (checked at silo
    /// start, connection string redacted from the options log), the shared client factory and the provider.
    /// </summary>
    public static IServiceCollection AddMongoDbGrainStorage(
        this IServiceCollection services, string name, Action<OptionsBuilder<MongoDbGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        configureOptions?.Invoke(services.AddOptions<MongoDbGrainStorageOptions>(name));
        services.TryAddSingleton<MongoDbClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<
            IPostConfigureOptions<MongoDbGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<MongoDbGrainStorageOptions>>());
        services.AddTransient<IConfigurationValidator>(sp => new MongoDbOptionsValidator<MongoDbGrainStorageOptions>(
            sp.GetRequiredService<IOptionsMonitor<MongoDbGrainStorageOptions>>().Get(name), $"MongoDB grain storage '{name}'"));
        services.ConfigureNamedOptionForLogging<MongoDbGrainStorageOptions>(name);
        return services.AddGrainStorage(name, MongoDbGrainStorageFactory.Create);
    }
}
