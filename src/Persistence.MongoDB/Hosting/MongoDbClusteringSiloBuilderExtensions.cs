using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Membership;
using Orleans.Hosting;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="ISiloBuilder"/> extensions of the MongoDB cluster membership; each delegates to the service collection.</summary>
public static class MongoDbClusteringSiloBuilderExtensions
{
    /// <summary>Makes the silo keep its cluster membership in MongoDB.</summary>
    public static ISiloBuilder UseMongoDbClustering(this ISiloBuilder builder, Action<MongoDbClusteringOptions> configureOptions) =>
        builder.UseMongoDbClustering(options => options.Configure(configureOptions));

    /// <summary>
    /// Makes the silo keep its cluster membership in MongoDB, with options built from configuration, for example
    /// <c>options =&gt; options.BindMongoDbConfiguration(MongoDbClusteringOptions.SectionName)</c>.
    /// </summary>
    public static ISiloBuilder UseMongoDbClustering(this ISiloBuilder builder, Action<OptionsBuilder<MongoDbClusteringOptions>>? configureOptions) =>
        builder.ConfigureServices(services => services.AddMongoDbMembershipTable(configureOptions));
}
