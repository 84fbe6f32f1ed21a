using MongoDB.Bson.Serialization.Attributes;
using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// The stored answer of a command sent with an idempotency key, in the <c>replies</c> collection. A TTL index on
/// <see cref="ExpiresAt"/> lets the server drop it once it may no longer be needed.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class ReplyDocument
{
    /// <summary><c>{accountId}/{key}</c>.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("accountId")]
    public string AccountId { get; set; } = "";

    [BsonElement("key")]
    public string Key { get; set; } = "";

    [BsonElement("fingerprint")]
    public string Fingerprint { get; set; } = "";

    [BsonElement("reply")]
    public string Reply { get; set; } = "";

    [BsonElement("expiresAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime ExpiresAt { get; set; }

    public static string IdOf(string accountId, string key) => $"{accountId}/{key}";

    public static ReplyDocument From(string accountId, RememberedReply reply) => new()
    {
        Id = IdOf(accountId, reply.Key),
        AccountId = accountId,
        Key = reply.Key,
        Fingerprint = reply.Fingerprint,
        Reply = reply.Reply,
        ExpiresAt = reply.ExpiresAt.UtcDateTime,
    };

    public RememberedReply ToReply() =>
        new(Key, Fingerprint, Reply, new DateTimeOffset(DateTime.SpecifyKind(ExpiresAt, DateTimeKind.Utc)));
}
