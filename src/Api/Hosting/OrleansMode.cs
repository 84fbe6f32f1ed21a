namespace NVelopes.Api.Hosting;

/// <summary>How the gateway reaches the grains (<c>Api:Orleans</c>).</summary>
public enum OrleansMode
{
    /// <summary>The default: the gateway process co-hosts a silo, so one process is the whole service.</summary>
    Silo,
    /// <summary>
    /// The gateway is an Orleans client of a silo cluster (<c>Cluster:Provider</c>) and holds no grains, so it can be
    /// restarted and scaled apart from the silos.
    /// </summary>
    Client,
}
