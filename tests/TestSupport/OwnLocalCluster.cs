using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace NVelopes.TestSupport;

/// <summary>
/// A localhost cluster of its own for one test host with a co-hosted silo: free silo and gateway ports, and a cluster
/// id named after them. The silo's localhost clustering listens on fixed ports by default; with these, hosts run
/// side by side. Apply both <see cref="Settings"/> (what the silo reads) and <see cref="Configure"/> (its Orleans
/// options, whatever the silo makes of the settings).
/// </summary>
public sealed class OwnLocalCluster(string clusterIdPrefix)
{
    public int SiloPort { get; } = FreeTcpPort();

    public int GatewayPort { get; } = FreeTcpPort();

    public string ClusterId => clusterIdPrefix + SiloPort.ToString(CultureInfo.InvariantCulture);

    /// <summary>The silo's settings, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Orleans:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Orleans:ClusterId"] = ClusterId,
    };

    /// <summary>Sets the silo's Orleans options to this cluster's ports and id.</summary>
    public void Configure(IServiceCollection services)
    {
        services.Configure<EndpointOptions>(options =>
        {
            options.SiloPort = SiloPort;
            options.GatewayPort = GatewayPort;
        });
        services.Configure<DevelopmentClusterMembershipOptions>(options =>
            options.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, SiloPort));
        services.Configure<ClusterOptions>(options => options.ClusterId = ClusterId);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
