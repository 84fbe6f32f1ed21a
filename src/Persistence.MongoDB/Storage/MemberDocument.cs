using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>A member of an account, inside its document; the role by its wire name.</summary>
[BsonIgnoreExtraElements]
internal sealed class MemberDocument
{
    [BsonElement("userId")]
    public string UserId { get; set; } = "";

    [BsonElement("role")]
    public string Role { get; set; } = "";

    [BsonElement("invitationId"), BsonIgnoreIfNull]
    public string? InvitationId { get; set; }
}
