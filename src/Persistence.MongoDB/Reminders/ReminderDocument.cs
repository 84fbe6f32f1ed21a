using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Reminders;

/// <summary>
/// One reminder, keyed by (service, grain, name). The grain's uniform hash is kept as a 64-bit number, since BSON has
/// no unsigned 32-bit type, so that range reads over the hash ring compare as Orleans does.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class ReminderDocument
{
    [BsonId]
    public ReminderKey Id { get; set; } = new();

    [BsonElement("grainHash")]
    public long GrainHash { get; set; }

    [BsonElement("startAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime StartAt { get; set; }

    [BsonElement("periodTicks")]
    public long PeriodTicks { get; set; }

    [BsonElement("etag")]
    public string ETag { get; set; } = "";
}
