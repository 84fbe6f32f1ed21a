using NVelopes.Persistence.MongoDB.Options;
using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>
/// Checks the clustering options when a silo or a client starts: the settings every MongoDB provider shares, then
/// the collection prefix, each with a message that names the provider and the setting.
/// </summary>
internal sealed class MongoDbClusteringOptionsValidator(MongoDbClusteringOptions options) : IConfigurationValidator
{
    public const string ProviderName = "MongoDB clustering";

    public void ValidateConfiguration()
    {
        new MongoDbOptionsValidator<MongoDbClusteringOptions>(options, ProviderName).ValidateConfiguration();
        if (string.IsNullOrWhiteSpace(options.CollectionPrefix) || options.CollectionPrefix.Contains('$') || options.CollectionPrefix.Contains('\0'))
        {
            throw new OrleansConfigurationException(
                $"Invalid configuration for {ProviderName}: {nameof(MongoDbClusteringOptions)}.{nameof(MongoDbClusteringOptions.CollectionPrefix)} " +
                "is required and may not contain '$' or NUL.");
        }
    }
}
