using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>
/// One silo's membership row, one document per silo generation in <c>membership_silos</c>. Every field of Orleans'
/// <c>MembershipEntry</c> is stored explicitly (addresses as parsable strings, the status by name, times in UTC), so
/// the rows stay readable in a shell and do not depend on a serializer's layout.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class SiloRowDocument
{
    /// <summary>The cluster id and the silo address: <c>{clusterId}/{ip:port@generation}</c>.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("clusterId")]
    public string ClusterId { get; set; } = "";

    /// <summary>
    /// A new GUID whenever the row is inserted or updated, but not on a heartbeat, so an update prepared before a
    /// heartbeat still applies.
    /// </summary>
    [BsonElement("etag")]
    public string ETag { get; set; } = "";

    /// <summary>The silo's address, as <c>SiloAddress.ToParsableString()</c> (<c>ip:port@generation</c>).</summary>
    [BsonElement("address")]
    public string Address { get; set; } = "";

    [BsonElement("status"), BsonRepresentation(BsonType.String)]
    public SiloStatus Status { get; set; }

    /// <summary>The gateway port clients connect to; 0 when the silo is no gateway.</summary>
    [BsonElement("proxyPort")]
    public int ProxyPort { get; set; }

    [BsonElement("hostName")]
    public string HostName { get; set; } = "";

    [BsonElement("siloName")]
    public string SiloName { get; set; } = "";

    [BsonElement("roleName")]
    public string? RoleName { get; set; }

    [BsonElement("updateZone")]
    public int UpdateZone { get; set; }

    [BsonElement("faultZone")]
    public int FaultZone { get; set; }

    [BsonElement("startTime"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime StartTime { get; set; }

    /// <summary>The silo's last heartbeat; the only field a heartbeat writes.</summary>
    [BsonElement("iAmAliveTime"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime IAmAliveTime { get; set; }

    [BsonElement("suspectTimes")]
    public List<SuspectVoteDocument> SuspectTimes { get; set; } = [];
}
