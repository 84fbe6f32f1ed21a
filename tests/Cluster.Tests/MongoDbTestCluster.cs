using Microsoft.Extensions.Configuration;
using MongoDB.Bson;
using MongoDB.Driver;
using NVelopes.Persistence.MongoDB.Hosting;
using NVelopes.Persistence.MongoDB.Membership;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Hosting;
using NVelopes.TestSupport;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// A cluster of several silos, talking over TCP, that form and heal through the MongoDB membership table and keep
/// accounts and users in MongoDB, in a database and under a cluster id of their own. Failure detection is shortened
/// so a killed silo is declared dead within seconds.
/// </summary>
public sealed class MongoDbTestCluster : IAsyncDisposable
{
    private const string ConnectionStringKey = $"ConnectionStrings:{MongoDbConnectionOptions.ConnectionStringName}";

    private readonly MongoDbServerFixture _server;

    private MongoDbTestCluster(MongoDbServerFixture server, TestCluster cluster, string databaseName)
    {
        _server = server;
        Cluster = cluster;
        DatabaseName = databaseName;
    }

    /// <summary>The connection string the silos use, naming the cluster's database.</summary>
    public string ConnectionString => _server.ConnectionStringFor(DatabaseName);

    public TestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public string DatabaseName { get; }

    /// <param name="configure">Adds to the cluster's configuration (settings, more silo configurators) before it is built.</param>
    public static async Task<MongoDbTestCluster> StartAsync(MongoDbServerFixture server, short silos, Action<TestClusterBuilder>? configure = null)
    {
        var databaseName = MongoDbTestServer.NewDatabaseName("cluster");
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties[NVelopesSiloExtensions.StorageProviderKey] = nameof(StorageProvider.MongoDB);
        builder.Properties[ConnectionStringKey] = server.ConnectionStringFor(databaseName);
        builder.AddSiloBuilderConfigurator<SiloOnMongoDb>();
        builder.AddClientBuilderConfigurator<ClientOnMongoDb>();
        configure?.Invoke(builder);

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await server.DropDatabaseAsync(databaseName);
            throw;
        }
        return new MongoDbTestCluster(server, cluster, databaseName);
    }

    /// <summary>
    /// A silo's row in the membership table, straight from MongoDB: its status and the suspicion votes that other
    /// silos cast, which show whether it was declared dead by its peers or announced its own stop.
    /// </summary>
    public async Task<(string Status, int Votes)> ReadMembershipRowAsync(SiloAddress silo)
    {
        using var client = new MongoClient(_server.ConnectionStringFor(DatabaseName));
        var rows = client.GetDatabase(DatabaseName).GetCollection<BsonDocument>(new MongoDbClusteringOptions().CollectionPrefix + "silos");
        var row = await rows.Find(Builders<BsonDocument>.Filter.Eq("_id", $"{Cluster.Options.ClusterId}/{silo.ToParsableString()}")).SingleAsync();
        return (row["status"].AsString, row["suspectTimes"].AsBsonArray.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _server.DropDatabaseAsync(DatabaseName);
    }

    private static void ConnectTo(MongoDbClusteringOptions options, IConfiguration configuration)
    {
        options.ConnectionString = configuration[ConnectionStringKey];
    }

    /// <summary>The silo as NVelopes runs it on MongoDB, with failure detection shortened.</summary>
    private sealed class SiloOnMongoDb : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddNVelopesStorage(siloBuilder.Configuration);
            siloBuilder.UseMongoDbClustering(options => ConnectTo(options, siloBuilder.Configuration));
            siloBuilder.Configure<ClusterMembershipOptions>(DetectFailuresFast);
            siloBuilder.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
        }

        /// <summary>
        /// Probe every second, suspect after two missed probes, declare dead on two votes (both survivors of three),
        /// and read the table every two seconds: a killed silo is out in seconds instead of a minute.
        /// </summary>
        private static void DetectFailuresFast(ClusterMembershipOptions options)
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            options.NumMissedProbesLimit = 2;
            options.NumProbedSilos = 2;
            options.NumVotesForDeathDeclaration = 2;
            options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        }
    }

    /// <summary>The client finds the gateways in MongoDB, and refreshes them every second.</summary>
    private sealed class ClientOnMongoDb : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            clientBuilder.UseMongoDbClustering(options => ConnectTo(options, configuration));
            clientBuilder.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            clientBuilder.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
        }
    }
}
