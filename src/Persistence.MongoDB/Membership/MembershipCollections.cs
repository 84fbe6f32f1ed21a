using MongoDB.Driver;

namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>
/// The membership's two collections in the configured database, shared by the table (silos) and the gateway list
/// (clients). Opening them does no I/O.
/// </summary>
internal sealed class MembershipCollections
{
    public MembershipCollections(MongoDbClusteringOptions options, MongoDbClientFactory clients)
    {
        Database = clients.GetDatabase(options);
        Versions = Database.GetCollection<MembershipVersionDocument>(options.CollectionPrefix + "versions");
        Silos = Database.GetCollection<SiloRowDocument>(options.CollectionPrefix + "silos");
        // Reads inside a transaction see one snapshot; the write concern applies to the commit as a whole.
        Transactions = new TransactionOptions(
            readConcern: ReadConcern.Snapshot,
            readPreference: ReadPreference.Primary,
            writeConcern: MongoDbClientFactory.WriteConcernOf(options),
            maxCommitTime: options.OperationTimeout);
    }

    public IMongoDatabase Database { get; }

    public IMongoCollection<MembershipVersionDocument> Versions { get; }

    public IMongoCollection<SiloRowDocument> Silos { get; }

    public TransactionOptions Transactions { get; }

    /// <summary>
    /// Creates both collections and the index a cluster's reads go through (rows by cluster id and status), where
    /// they are missing, so that no transaction has to create a collection. Creating an index that exists with the
    /// same definition is a no-op, so every silo can call this at start.
    /// </summary>
    public async Task CreateCollectionsAsync(CancellationToken cancellationToken)
    {
        await CreateIfMissingAsync(Versions.CollectionNamespace.CollectionName, cancellationToken).ConfigureAwait(false);
        await Silos.Indexes.CreateOneAsync(
            new CreateIndexModel<SiloRowDocument>(
                Builders<SiloRowDocument>.IndexKeys.Ascending(r => r.ClusterId).Ascending(r => r.Status),
                new CreateIndexOptions { Name = "clusterId_status" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateIfMissingAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await Database.CreateCollectionAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoCommandException ex) when (ex.Code == NamespaceExists)
        {
            // Another silo, or an earlier start, created it.
        }
    }

    private const int NamespaceExists = 48;
}
