using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

[BsonIgnoreExtraElements]
internal sealed class SplitDocument
{
    [BsonElement("envelopeId")]
    public int EnvelopeId { get; set; }

    [BsonElement("amount"), BsonRepresentation(BsonType.Decimal128)]
    public decimal Amount { get; set; }
}
