using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

[BsonIgnoreExtraElements]
internal sealed class PaymentSourceDocument
{
    [BsonElement("id")]
    public int Id { get; set; }

    [BsonElement("payer")]
    public string Payer { get; set; } = "";

    [BsonElement("amount"), BsonRepresentation(BsonType.Decimal128)]
    public decimal Amount { get; set; }

    [BsonElement("splits")]
    public List<SplitDocument> Splits { get; set; } = [];
}
