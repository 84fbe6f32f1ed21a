using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Persistence.MongoDB.Hosting;
using NVelopes.Persistence.MongoDB.Membership;
using Orleans.Configuration;

namespace NVelopes.Hosting;

/// <summary>
/// Chooses how a silo joins its cluster, and how a client finds it, from <c>Cluster:Provider</c>; the identity and
/// ports come from the <c>Orleans</c> section (<see cref="OrleansHostOptions"/>).
/// </summary>
public static class NVelopesClusteringExtensions
{
    public const string ClusterProviderKey = "Cluster:Provider";

    /// <summary>
    /// <see cref="ClusterProvider.Localhost"/>: a single silo on the loopback interface. <see cref="ClusterProvider.MongoDB"/>:
    /// membership in MongoDB (<c>ConnectionStrings:MongoDB</c>, options in <c>Cluster:MongoDB</c>), listening on every
    /// interface and advertising <see cref="OrleansHostOptions.AdvertisedAddress"/>. Failure detection can be tuned in
    /// <c>Orleans:Membership</c> (Orleans' <see cref="ClusterMembershipOptions"/>), call timeouts in <c>Orleans:Messaging</c>.
    /// </summary>
    public static ISiloBuilder UseNVelopesClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var host = HostOptions(configuration);
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(OrleansHostOptions.MembershipSectionName));
        silo.Services.AddOptions<SiloMessagingOptions>().Bind(configuration.GetSection(OrleansHostOptions.MessagingSectionName));
        switch (ProviderOf(configuration))
        {
            case ClusterProvider.Localhost:
                silo.UseLocalhostClustering(host.SiloPort, host.GatewayPort, primarySiloEndpoint: null, host.ServiceId, host.ClusterId);
                break;
            case ClusterProvider.MongoDB:
                silo.UseMongoDbClustering(options => options.BindMongoDbConfiguration(MongoDbClusteringOptions.SectionName));
                silo.Configure<ClusterOptions>(options => Identify(options, host));
                silo.ConfigureEndpoints(AdvertisedAddress(host), host.SiloPort, host.GatewayPort, listenOnAnyHostAddress: true);
                break;
        }
        return silo;
    }

    /// <summary>
    /// <see cref="ClusterProvider.Localhost"/>: the silo at <see cref="OrleansHostOptions.GatewayPort"/> on this machine.
    /// <see cref="ClusterProvider.MongoDB"/>: every active gateway of the cluster, as listed in MongoDB. Call timeouts can
    /// be tuned in <c>Orleans:Messaging</c>, the gateway list refresh in <c>Orleans:Gateway</c>.
    /// </summary>
    public static IClientBuilder UseNVelopesClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var host = HostOptions(configuration);
        client.Services.AddOptions<ClientMessagingOptions>().Bind(configuration.GetSection(OrleansHostOptions.MessagingSectionName));
        client.Services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(OrleansHostOptions.GatewaySectionName));
        switch (ProviderOf(configuration))
        {
            case ClusterProvider.Localhost:
                client.UseLocalhostClustering(host.GatewayPort, host.ServiceId, host.ClusterId);
                break;
            case ClusterProvider.MongoDB:
                client.UseMongoDbClustering(options => options.BindMongoDbConfiguration(MongoDbClusteringOptions.SectionName));
                client.Configure<ClusterOptions>(options => Identify(options, host));
                break;
        }
        return client;
    }

    private static ClusterProvider ProviderOf(IConfiguration configuration)
    {
        var provider = configuration.GetValue(ClusterProviderKey, ClusterProvider.Localhost);
        return Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ClusterProviderKey} '{provider}' is not supported: use {ClusterProvider.Localhost} or {ClusterProvider.MongoDB}.");
    }

    private static OrleansHostOptions HostOptions(IConfiguration configuration) =>
        configuration.GetSection(OrleansHostOptions.SectionName).Get<OrleansHostOptions>() ?? new OrleansHostOptions();

    private static void Identify(ClusterOptions options, OrleansHostOptions host)
    {
        options.ClusterId = host.ClusterId;
        options.ServiceId = host.ServiceId;
    }

    private static IPAddress AdvertisedAddress(OrleansHostOptions host)
    {
        var name = string.IsNullOrWhiteSpace(host.AdvertisedAddress) ? Dns.GetHostName() : host.AdvertisedAddress;
        if (IPAddress.TryParse(name, out var address)) return address;
        var addresses = Dns.GetHostAddresses(name);
        return addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException($"{OrleansHostOptions.SectionName}:{nameof(OrleansHostOptions.AdvertisedAddress)} '{name}' has no IPv4 address.");
    }
}
