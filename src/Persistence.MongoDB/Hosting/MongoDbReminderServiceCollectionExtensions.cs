using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Reminders;
using Orleans;
using Orleans.Configuration;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="IServiceCollection"/> extensions of the MongoDB reminder table.</summary>
public static class MongoDbReminderServiceCollectionExtensions
{
    /// <summary>
    /// Makes MongoDB the silo's reminder table: its options (checked at start, connection string redacted from the
    /// options log), the shared client factory and the table. Orleans' reminder service itself is added by
    /// <see cref="MongoDbReminderSiloBuilderExtensions.UseMongoDbReminderService(Orleans.Hosting.ISiloBuilder, Action{OptionsBuilder{MongoDbReminderOptions}}?)"/>.
    /// </summary>
    public static IServiceCollection AddMongoDbReminderTable(
        this IServiceCollection services, Action<OptionsBuilder<MongoDbReminderOptions>>? configureOptions = null)
    {
        configureOptions?.Invoke(services.AddOptions<MongoDbReminderOptions>());
        services.TryAddSingleton<MongoDbClientFactory>();
        services.AddTransient<IConfigurationValidator>(sp =>
            new MongoDbReminderOptionsValidator(sp.GetRequiredService<IOptions<MongoDbReminderOptions>>().Value));
        services.ConfigureFormatter<MongoDbReminderOptions>();
        services.AddSingleton<IReminderTable, MongoDbReminderTable>();
        return services;
    }
}
