namespace NVelopes.Hosting;

/// <summary>
/// Who a silo or client is in its cluster and where a silo listens (section <c>Orleans</c>). Every silo of a cluster,
/// and every client of it, uses the same <see cref="ClusterId"/> and <see cref="ServiceId"/>; on one machine each
/// silo needs its own <see cref="SiloPort"/> and <see cref="GatewayPort"/>.
/// </summary>
public sealed class OrleansHostOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Orleans";

    /// <summary>The section of Orleans' <c>ClusterMembershipOptions</c> (probe and vote settings), for tuning failure detection.</summary>
    public const string MembershipSectionName = SectionName + ":Membership";

    /// <summary>
    /// The section of Orleans' <c>SiloMessagingOptions</c> and <c>ClientMessagingOptions</c>, such as
    /// <c>ResponseTimeout</c>: how long a call whose silo died can wait for an answer before it fails.
    /// </summary>
    public const string MessagingSectionName = SectionName + ":Messaging";

    /// <summary>The section of Orleans' <c>GatewayOptions</c> for clients, such as <c>GatewayListRefreshPeriod</c>.</summary>
    public const string GatewaySectionName = SectionName + ":Gateway";

    /// <summary>The cluster: silos and clients with the same id form one cluster. Default: <c>nvelopes</c>.</summary>
    public string ClusterId { get; set; } = "nvelopes";

    /// <summary>The service, stable across deployments of the cluster. Default: <c>nvelopes</c>.</summary>
    public string ServiceId { get; set; } = "nvelopes";

    /// <summary>The port silos talk to each other on. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients (the API in client mode) connect to. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients reach this silo at: an IP address or a host name (resolved to its first
    /// IPv4 address). Default: this machine's host name, which in a container is the container's address. Used with
    /// the MongoDB provider only; the silo listens on every interface.
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
