using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Options;
using Orleans.Hosting;
using Orleans.Providers;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="ISiloBuilder"/> extensions of the MongoDB grain storage; each delegates to the service collection.</summary>
public static class MongoDbSiloBuilderExtensions
{
    /// <summary>Adds a MongoDB grain storage provider named <paramref name="name"/>.</summary>
    public static ISiloBuilder AddMongoDbGrainStorage(
        this ISiloBuilder builder, string name, Action<OptionsBuilder<MongoDbGrainStorageOptions>>? configureOptions = null) =>
        builder.ConfigureServices(services => services.AddMongoDbGrainStorage(name, configureOptions));

    /// <summary>Adds a MongoDB grain storage provider named <paramref name="name"/>.</summary>
    public static ISiloBuilder AddMongoDbGrainStorage(
        this ISiloBuilder builder, string name, Action<MongoDbGrainStorageOptions> configureOptions) =>
        builder.AddMongoDbGrainStorage(name, options => options.Configure(configureOptions));

    /// <summary>Adds MongoDB as the default grain storage provider.</summary>
    public static ISiloBuilder AddMongoDbGrainStorageAsDefault(
        this ISiloBuilder builder, Action<OptionsBuilder<MongoDbGrainStorageOptions>>? configureOptions = null) =>
        builder.AddMongoDbGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds MongoDB as the default grain storage provider.</summary>
    public static ISiloBuilder AddMongoDbGrainStorageAsDefault(
        this ISiloBuilder builder, Action<MongoDbGrainStorageOptions> configureOptions) =>
        builder.AddMongoDbGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);
}
