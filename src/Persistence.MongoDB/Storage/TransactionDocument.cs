using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using NVelopes.Grains.Domain;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// The stored form of one history entry, one document per transaction in the <c>transactions</c> collection,
/// addressed by (account id, transaction id). Why one document each rather than an array in the account document:
/// an append is one insert and an undo one delete, whatever the length of the history; page N is an indexed range
/// read (<c>txId &gt;= from</c>, sorted, limited), so it costs what page 0 costs, with no skip; and the account
/// document stays small instead of growing towards MongoDB's 16 MB document limit with every transaction.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class TransactionDocument
{
    /// <summary><c>{accountId}/{txId}</c>: unique by itself, because the transaction id never contains a slash.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("accountId")]
    public string AccountId { get; set; } = "";

    [BsonElement("txId")]
    public long TransactionId { get; set; }

    /// <summary>UTC; BSON dates hold milliseconds, so finer fractions of a second are not kept.</summary>
    [BsonElement("date"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime Date { get; set; }

    [BsonElement("ownerId")]
    public string OwnerId { get; set; } = "";

    /// <summary>The envelope of a deposit, debit or cash withdrawal, or the source of a move; absent for a pay.</summary>
    [BsonElement("envelopeId"), BsonIgnoreIfNull]
    public int? EnvelopeId { get; set; }

    [BsonElement("envelopeName"), BsonIgnoreIfNull]
    public string? EnvelopeName { get; set; }

    [BsonElement("toEnvelopeId"), BsonIgnoreIfNull]
    public int? ToEnvelopeId { get; set; }

    [BsonElement("toEnvelopeName"), BsonIgnoreIfNull]
    public string? ToEnvelopeName { get; set; }

    [BsonElement("payer"), BsonIgnoreIfNull]
    public string? Payer { get; set; }

    [BsonElement("kind"), BsonRepresentation(BsonType.String)]
    public TransactionKind Kind { get; set; }

    [BsonElement("description")]
    public string Description { get; set; } = "";

    [BsonElement("amount"), BsonRepresentation(BsonType.Decimal128)]
    public decimal Amount { get; set; }

    [BsonElement("accountBalance"), BsonRepresentation(BsonType.Decimal128)]
    public decimal AccountBalance { get; set; }

    [BsonElement("actor"), BsonIgnoreIfNull]
    public string? Actor { get; set; }

    [BsonElement("paySplits")]
    public List<SplitDocument> PaySplits { get; set; } = [];

    /// <summary>The statement line an import recorded it from; absent for a transaction entered by hand.</summary>
    [BsonElement("importId"), BsonIgnoreIfNull]
    public string? ImportId { get; set; }

    public static string KeyOf(string accountId, long transactionId) => $"{accountId}/{transactionId}";
}
