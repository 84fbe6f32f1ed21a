using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>
/// The version of one cluster's membership table, one document per cluster in <c>membership_versions</c>. Every
/// row insert or update moves it forward in the same transaction as the row, guarded by <see cref="ETag"/>.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class MembershipVersionDocument
{
    /// <summary>The cluster id.</summary>
    [BsonId]
    public string ClusterId { get; set; } = "";

    [BsonElement("version")]
    public int Version { get; set; }

    /// <summary>A new GUID on every version change: the token a writer must present to move the version on.</summary>
    [BsonElement("etag")]
    public string ETag { get; set; } = "";
}
