using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Options;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary>Binds MongoDB options from configuration the same way for every provider.</summary>
public static class MongoDbOptionsBuilderExtensions
{
    /// <summary>
    /// Binds the options from <paramref name="sectionName"/> and, when the section sets no connection string, takes
    /// it from <c>ConnectionStrings:MongoDB</c>.
    /// </summary>
    public static OptionsBuilder<TOptions> BindMongoDbConfiguration<TOptions>(this OptionsBuilder<TOptions> builder, string sectionName)
        where TOptions : MongoDbConnectionOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .BindConfiguration(sectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString(MongoDbConnectionOptions.ConnectionStringName));
    }
}
