using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>A pending invitation of an account, inside its document.</summary>
[BsonIgnoreExtraElements]
internal sealed class InvitationDocument
{
    [BsonElement("id")]
    public string Id { get; set; } = "";

    [BsonElement("username")]
    public string Username { get; set; } = "";

    [BsonElement("role")]
    public string Role { get; set; } = "";

    [BsonElement("invitedBy")]
    public string InvitedBy { get; set; } = "";

    [BsonElement("at")]
    public DateTime At { get; set; }
}
