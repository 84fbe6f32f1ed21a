using MongoDB.Bson.Serialization.Attributes;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>One silo's vote that another silo is dead, as kept in the suspect's row.</summary>
internal sealed class SuspectVoteDocument
{
    /// <summary>The voting silo, as <c>SiloAddress.ToParsableString()</c>.</summary>
    [BsonElement("silo")]
    public string Silo { get; set; } = "";

    [BsonElement("time"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime Time { get; set; }
}
