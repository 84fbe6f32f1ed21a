using MongoDB.Bson;
using MongoDB.Driver;

namespace NVelopes.Persistence.MongoDB;

/// <summary>
/// Whether a server runs multi-document transactions: MongoDB offers them on a replica set member, through a sharded
/// cluster's router or behind a load balancer, never on a standalone <c>mongod</c>. Asked once at start-up by every
/// part that writes in transactions, so a misconfigured server is refused with advice instead of failing each write.
/// </summary>
internal static class MongoDbTransactionSupport
{
    public const string StandaloneServerAdvice =
        "which MongoDB offers only on a replica set or a sharded cluster, and the server is a standalone mongod. Start it " +
        "with --replSet (a single-member replica set will do) and name the set in the connection string (?replicaSet=...).";

    public static async Task<bool> IsAvailableAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var hello = await database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var isReplicaSetMember = hello.Contains("setName");
        var isRouter = hello.TryGetValue("msg", out var message) && message == "isdbgrid";
        var isLoadBalanced = hello.Contains("serviceId");
        return isReplicaSetMember || isRouter || isLoadBalanced;
    }
}
