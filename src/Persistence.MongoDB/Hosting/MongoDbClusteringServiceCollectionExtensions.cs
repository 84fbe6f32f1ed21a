using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Membership;
using Orleans;
using Orleans.Configuration;
using Orleans.Messaging;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="IServiceCollection"/> extensions of the MongoDB cluster membership.</summary>
public static class MongoDbClusteringServiceCollectionExtensions
{
    /// <summary>
    /// Makes MongoDB the silo's membership table: its options (checked at start, connection string redacted from
    /// the options log), the shared client factory and the table.
    /// </summary>
    public static IServiceCollection AddMongoDbMembershipTable(
        this IServiceCollection services, Action<OptionsBuilder<MongoDbClusteringOptions>>? configureOptions = null)
    {
        services.AddMongoDbClusteringOptions(configureOptions);
        services.TryAddSingleton<MongoDbMembershipTable>();
        services.AddSingleton<IMembershipTable>(sp => sp.GetRequiredService<MongoDbMembershipTable>());
        return services;
    }

    /// <summary>
    /// Makes MongoDB the client's gateway list: the Active silos of the cluster with a gateway port, read from the
    /// membership the silos keep.
    /// </summary>
    public static IServiceCollection AddMongoDbGatewayListProvider(
        this IServiceCollection services, Action<OptionsBuilder<MongoDbClusteringOptions>>? configureOptions = null)
    {
        services.AddMongoDbClusteringOptions(configureOptions);
        services.AddSingleton<IGatewayListProvider, MongoDbGatewayListProvider>();
        return services;
    }

    private static void AddMongoDbClusteringOptions(
        this IServiceCollection services, Action<OptionsBuilder<MongoDbClusteringOptions>>? configureOptions)
    {
        configureOptions?.Invoke(services.AddOptions<MongoDbClusteringOptions>());
        services.TryAddSingleton<MongoDbClientFactory>();
        services.AddTransient<IConfigurationValidator>(sp =>
            new MongoDbClusteringOptionsValidator(sp.GetRequiredService<IOptions<MongoDbClusteringOptions>>().Value));
        services.ConfigureFormatter<MongoDbClusteringOptions>();
    }
}
