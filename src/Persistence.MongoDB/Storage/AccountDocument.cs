using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// The stored form of an account, one document per account in the <c>accounts</c> collection. Money is Decimal128,
/// so amounts such as 0.10 come back exactly; <see cref="Version"/> is the optimistic-concurrency token.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class AccountDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("ownerId")]
    public string OwnerId { get; set; } = "";

    [BsonElement("version")]
    public long Version { get; set; }

    [BsonElement("closed")]
    public bool Closed { get; set; }

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("canGoNegative")]
    public bool CanGoNegative { get; set; }

    [BsonElement("balance"), BsonRepresentation(BsonType.Decimal128)]
    public decimal Balance { get; set; }

    [BsonElement("nextTransactionId")]
    public long NextTransactionId { get; set; }

    /// <summary>Versions of the undo events a redo may take back, the newest last.</summary>
    [BsonElement("redoableUndos")]
    public List<long> RedoableUndos { get; set; } = [];

    [BsonElement("envelopes")]
    public List<EnvelopeDocument> Envelopes { get; set; } = [];

    [BsonElement("paymentSources")]
    public List<PaymentSourceDocument> PaymentSources { get; set; } = [];

    [BsonElement("schedules")]
    public List<ScheduleDocument> Schedules { get; set; } = [];

    [BsonElement("lastScheduleId")]
    public int LastScheduleId { get; set; }
    /// <summary>Who shares the account; empty for an account only its opener has ever had.</summary>
    [BsonElement("members")]
    public List<MemberDocument> Members { get; set; } = [];

    [BsonElement("invitations")]
    public List<InvitationDocument> Invitations { get; set; } = [];
}
