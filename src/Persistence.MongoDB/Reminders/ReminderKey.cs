using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Reminders;

/// <summary>The identity of a reminder document, in this field order (an <c>_id</c> document compares field by field).</summary>
internal sealed class ReminderKey
{
    [BsonElement("serviceId")]
    public string ServiceId { get; set; } = "";

    [BsonElement("grainId")]
    public string GrainId { get; set; } = "";

    [BsonElement("name")]
    public string Name { get; set; } = "";
}
