using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>Turns Orleans membership entries into rows and back, field by field.</summary>
internal static class SiloRowMapping
{
    /// <summary>The row id of a silo in a cluster: unique per cluster, so clusters can share a collection.</summary>
    public static string RowId(string clusterId, SiloAddress silo) => $"{clusterId}/{silo.ToParsableString()}";

    public static SiloRowDocument ToDocument(this MembershipEntry entry, string clusterId, string etag) => new()
    {
        Id = RowId(clusterId, entry.SiloAddress),
        ClusterId = clusterId,
        ETag = etag,
        Address = entry.SiloAddress.ToParsableString(),
        Status = entry.Status,
        ProxyPort = entry.ProxyPort,
        HostName = entry.HostName ?? "",
        SiloName = entry.SiloName ?? "",
        RoleName = entry.RoleName,
        UpdateZone = entry.UpdateZone,
        FaultZone = entry.FaultZone,
        StartTime = entry.StartTime.ToUniversalTime(),
        IAmAliveTime = entry.IAmAliveTime.ToUniversalTime(),
        SuspectTimes = entry.SuspectTimes is null
            ? []
            : [.. entry.SuspectTimes.Select(vote => new SuspectVoteDocument { Silo = vote.Item1.ToParsableString(), Time = vote.Item2.ToUniversalTime() })],
    };

    public static MembershipEntry ToEntry(this SiloRowDocument row) => new()
    {
        SiloAddress = SiloAddress.FromParsableString(row.Address),
        Status = row.Status,
        ProxyPort = row.ProxyPort,
        HostName = row.HostName,
        SiloName = row.SiloName,
        RoleName = row.RoleName,
        UpdateZone = row.UpdateZone,
        FaultZone = row.FaultZone,
        StartTime = row.StartTime,
        IAmAliveTime = row.IAmAliveTime,
        SuspectTimes = [.. row.SuspectTimes.Select(vote => Tuple.Create(SiloAddress.FromParsableString(vote.Silo), vote.Time))],
    };

    /// <summary>The endpoint clients connect to for a silo, in Orleans' gateway URI form.</summary>
    public static Uri ToGatewayUri(this SiloRowDocument row)
    {
        var silo = SiloAddress.FromParsableString(row.Address);
        return SiloAddress.New(silo.Endpoint.Address, row.ProxyPort, silo.Generation).ToGatewayUri();
    }
}
