using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>A schedule as its account document keeps it; dates are ISO strings (yyyy-MM-dd), so no time zone can move them.</summary>
[BsonIgnoreExtraElements]
internal sealed class ScheduleDocument
{
    [BsonElement("id")]
    public int Id { get; set; }

    [BsonElement("kind"), BsonRepresentation(BsonType.String)]
    public Grains.Domain.Schedules.ScheduleKind Kind { get; set; }

    [BsonElement("rule")]
    public string Rule { get; set; } = "";

    [BsonElement("starts")]
    public string Starts { get; set; } = "";

    [BsonElement("timeZone")]
    public string TimeZone { get; set; } = "";

    [BsonElement("weekend"), BsonRepresentation(BsonType.String)]
    public Grains.Domain.Schedules.WeekendShift Weekend { get; set; }

    [BsonElement("description")]
    public string Description { get; set; } = "";

    [BsonElement("paymentSourceId"), BsonIgnoreIfNull]
    public int? PaymentSourceId { get; set; }

    [BsonElement("envelopeId"), BsonIgnoreIfNull]
    public int? EnvelopeId { get; set; }

    [BsonElement("amount"), BsonRepresentation(BsonType.Decimal128), BsonIgnoreIfNull]
    public decimal? Amount { get; set; }

    [BsonElement("fills")]
    public List<SplitDocument> Fills { get; set; } = [];

    /// <summary>The date the schedule has run through; absent until its first occurrence is handled.</summary>
    [BsonElement("handledThrough"), BsonIgnoreIfNull]
    public string? HandledThrough { get; set; }
}
