using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Membership;
using Orleans.Hosting;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="IClientBuilder"/> extensions of the MongoDB cluster membership; each delegates to the service collection.</summary>
public static class MongoDbClusteringClientBuilderExtensions
{
    /// <summary>Makes the client find the cluster's gateways in the MongoDB membership the silos keep.</summary>
    public static IClientBuilder UseMongoDbClustering(this IClientBuilder builder, Action<MongoDbClusteringOptions> configureOptions) =>
        builder.UseMongoDbClustering(options => options.Configure(configureOptions));

    /// <summary>
    /// Makes the client find the cluster's gateways in the MongoDB membership the silos keep, with options built from
    /// configuration, for example <c>options =&gt; options.BindMongoDbConfiguration(MongoDbClusteringOptions.SectionName)</c>.
    /// </summary>
    public static IClientBuilder UseMongoDbClustering(this IClientBuilder builder, Action<OptionsBuilder<MongoDbClusteringOptions>>? configureOptions) =>
        builder.ConfigureServices(services => services.AddMongoDbGatewayListProvider(configureOptions));
}
