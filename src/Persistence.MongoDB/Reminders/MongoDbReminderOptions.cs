using NVelopes.Persistence.MongoDB.Options;

namespace NVelopes.Persistence.MongoDB.Reminders;

/// <summary>
/// Options of the Orleans reminder table on MongoDB. The server, database, write concern and timeout are configured
/// as for the other MongoDB providers; the reminders are those of Orleans' <c>ClusterOptions.ServiceId</c>.
/// </summary>
public sealed class MongoDbReminderOptions : MongoDbConnectionOptions
{
    /// <summary>The configuration section these options bind from when configured apart from the store.</summary>
    public const string SectionName = "Reminders:MongoDB";

    /// <summary>The collection holding one document per reminder. Default: <c>reminders</c>.</summary>
    public string CollectionName { get; set; } = "reminders";
}
