using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// One statement line an account recorded, in the <c>importIds</c> collection, keyed by account and import id so
/// that an import asks for the ids of its file by key (an exact check that holds nothing in memory) and a second
/// recording of the same line could not commit.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class ImportIdDocument
{
    /// <summary><c>{accountId}/{importId}</c>: unique, because an account id never contains a slash.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("accountId")]
    public string AccountId { get; set; } = "";

    [BsonElement("importId")]
    public string ImportId { get; set; } = "";

    public static string IdOf(string accountId, string importId) => $"{accountId}/{importId}";

    public static ImportIdDocument From(string accountId, string importId) =>
        new() { Id = IdOf(accountId, importId), AccountId = accountId, ImportId = importId };
}
