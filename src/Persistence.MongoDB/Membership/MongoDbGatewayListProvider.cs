using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>
/// Tells Orleans clients where the cluster's gateways are: the Active silos of the cluster that listen on a gateway
/// port, read from the silos' membership rows. The silos create the collections; a client only reads them.
/// </summary>
internal sealed partial class MongoDbGatewayListProvider(
    IOptions<MongoDbClusteringOptions> options,
    IOptions<ClusterOptions> clusterOptions,
    IOptions<GatewayOptions> gatewayOptions,
    MongoDbClientFactory clients,
    ILogger<MongoDbGatewayListProvider> logger) : IGatewayListProvider
{
    private readonly MongoDbClusteringOptions _options = options.Value;
    private readonly string _clusterId = clusterOptions.Value.ClusterId;
    private readonly Lazy<MembershipCollections> _collections = new(() => new MembershipCollections(options.Value, clients));

    /// <summary>How often the client asks again: Orleans' <see cref="GatewayOptions.GatewayListRefreshPeriod"/>.</summary>
    public TimeSpan MaxStaleness => gatewayOptions.Value.GatewayListRefreshPeriod;

    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => InitializeGatewayListProviderAsync(CancellationToken.None);

    /// <summary>Nothing to prepare: opening the collections does no I/O, and the first query connects.</summary>
    public Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = _collections.Value;
        return Task.CompletedTask;
    }

    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(CancellationToken.None);

    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        var rows = Builders<SiloRowDocument>.Filter;
        var gateways = rows.Eq(r => r.ClusterId, _clusterId) & rows.Eq(r => r.Status, SiloStatus.Active) & rows.Gt(r => r.ProxyPort, 0);
        try
        {
            var found = await MongoDbOperation.RunAsync(_options.OperationTimeout, $"listing the gateways of cluster {_clusterId}",
                token => _collections.Value.Silos
                    .Find(gateways, new FindOptions { MaxTime = _options.OperationTimeout })
                    .SortBy(r => r.Id)
                    .ToListAsync(token),
                cancellationToken).ConfigureAwait(false);
            // Sorted, so the client's round robin over the list sees the same order on every refresh.
            return [.. found.Select(r => r.ToGatewayUri())];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogListFailed(ex, _clusterId);
            throw new MongoDbClusteringException($"MongoDB clustering could not list the gateways of cluster {_clusterId}: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MongoDB clustering could not list the gateways of cluster {ClusterId}")]
    private partial void LogListFailed(Exception exception, string clusterId);
}
