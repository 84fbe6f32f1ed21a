using Microsoft.Extensions.Options;
using NVelopes.Persistence.MongoDB.Reminders;
using Orleans.Hosting;

namespace NVelopes.Persistence.MongoDB.Hosting;

/// <summary><see cref="ISiloBuilder"/> extensions of the MongoDB reminder table; each delegates to the service collection.</summary>
public static class MongoDbReminderSiloBuilderExtensions
{
    /// <summary>Makes the silo keep its Orleans reminders in MongoDB.</summary>
    public static ISiloBuilder UseMongoDbReminderService(this ISiloBuilder builder, Action<MongoDbReminderOptions> configureOptions) =>
        builder.UseMongoDbReminderService(options => options.Configure(configureOptions));

    /// <summary>
    /// Makes the silo keep its Orleans reminders in MongoDB, with options built from configuration, for example
    /// <c>options =&gt; options.BindMongoDbConfiguration("Storage:MongoDB")</c>.
    /// </summary>
    public static ISiloBuilder UseMongoDbReminderService(this ISiloBuilder builder, Action<OptionsBuilder<MongoDbReminderOptions>>? configureOptions)
    {
        builder.AddReminders();
        return builder.ConfigureServices(services => services.AddMongoDbReminderTable(configureOptions));
    }
}
