using MongoDB.Bson.Serialization.Attributes;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// The stored form of one event of an account's log, one document per event in the <c>events</c> collection,
/// addressed by (account id, version) and never changed once inserted. The event itself is kept as its JSON
/// (<see cref="RecordedEventJson"/>, the same in every store), so a new kind of event needs no new mapping; the fields
/// beside it are the ones that are queried or read by people looking at the collection.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class EventDocument
{
    /// <summary><c>{accountId}/{version}</c>: unique by itself, because the version never contains a slash.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("accountId")]
    public string AccountId { get; set; } = "";

    [BsonElement("version")]
    public long Version { get; set; }

    [BsonElement("kind")]
    public string Kind { get; set; } = "";

    [BsonElement("at"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime At { get; set; }

    [BsonElement("body")]
    public string Body { get; set; } = "";

    public static EventDocument From(string accountId, RecordedEvent recorded) => new()
    {
        Id = $"{accountId}/{recorded.Version}",
        AccountId = accountId,
        Version = recorded.Version,
        Kind = recorded.Event.Kind,
        At = recorded.At.UtcDateTime,
        Body = RecordedEventJson.Serialize(recorded),
    };

    public RecordedEvent ToRecordedEvent() => RecordedEventJson.Deserialize(Body);
}
