using NVelopes.Persistence.MongoDB.Options;
using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Reminders;

/// <summary>Checks the reminder options when a silo starts, with a message that names the provider and the setting.</summary>
internal sealed class MongoDbReminderOptionsValidator(MongoDbReminderOptions options) : IConfigurationValidator
{
    public const string ProviderName = "MongoDB reminders";

    public void ValidateConfiguration()
    {
        new MongoDbOptionsValidator<MongoDbReminderOptions>(options, ProviderName).ValidateConfiguration();
        if (string.IsNullOrWhiteSpace(options.CollectionName) || options.CollectionName.Contains('$') || options.CollectionName.Contains('\0'))
        {
            throw new OrleansConfigurationException(
                $"Invalid configuration for {ProviderName}: {nameof(MongoDbReminderOptions)}.{nameof(MongoDbReminderOptions.CollectionName)} " +
                "is required and may not contain '$' or NUL.");
        }
    }
}
