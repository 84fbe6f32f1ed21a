using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

[BsonIgnoreExtraElements]
internal sealed class EnvelopeDocument
{
    [BsonElement("id")]
    public int Id { get; set; }

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("balance"), BsonRepresentation(BsonType.Decimal128)]
    public decimal Balance { get; set; }
}
