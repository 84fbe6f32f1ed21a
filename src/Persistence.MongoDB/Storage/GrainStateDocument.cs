using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>The stored form of one grain's state: its id, its ETag and its serialized state.</summary>
[BsonIgnoreExtraElements]
internal sealed class GrainStateDocument
{
    /// <summary>The grain id as a string (<c>user/joeb</c>).</summary>
    [BsonId]
    public string Id { get; set; } = "";

    /// <summary>A new GUID on every write: the optimistic-concurrency token Orleans hands back on the next write.</summary>
    [BsonElement("etag")]
    public string ETag { get; set; } = "";

    /// <summary>The state as the provider's <c>IGrainStorageSerializer</c> wrote it.</summary>
    [BsonElement("data")]
    public byte[] Data { get; set; } = [];
}
