using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;
using NVelopes.Grains.Storage;
using NVelopes.Persistence.MongoDB;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Persistence.MongoDB.Storage;
using static Microsoft.Extensions.Options.Options;

namespace NVelopes.Persistence.Tests.MongoDB;

/// <summary>What only the MongoDB adapter promises: its document layout, its indexes and its time limits.</summary>
[Collection(StorageCollection.Name)]
public sealed class MongoDbAccountStoreTests(StorageFixture fixture)
{
    [SkippableFact]
    public async Task Commit_StoresMoneyAsDecimal128_AndOneDocumentPerTransaction_AndPerEvent()
    {
        SkipWithoutMongo();
        var accountId = NewId();
        var ledger = await Ledger.Open(accountId, NewId(), openingBalance: 0.10m).Deposit(0.20m).CommitAsync(fixture.MongoAccountStore);
        var database = fixture.MongoDatabase();

        var account = await database.GetCollection<BsonDocument>("accounts").Find(new BsonDocument("_id", accountId)).SingleAsync();
        var history = await database.GetCollection<BsonDocument>("transactions")
            .Find(new BsonDocument("accountId", accountId)).Sort(new BsonDocument("txId", 1)).ToListAsync();

        Assert.Equal(BsonType.Decimal128, account["balance"].BsonType);
        Assert.Equal(0.30m, account["balance"].AsDecimal);
        Assert.Equal(2L, account["version"].ToInt64()); // one commit of two events: the opening and the deposit
        Assert.Equal(BsonType.Decimal128, account["envelopes"][0]["balance"].BsonType);
        Assert.Equal([$"{accountId}/0", $"{accountId}/1"], history.Select(t => t["_id"].AsString));
        Assert.Equal([0L, 1L], history.Select(t => t["txId"].ToInt64()));
        Assert.Equal(BsonType.DateTime, history[0]["date"].BsonType);
        Assert.Equal(Ledger.Now.UtcDateTime, history[0]["date"].ToUniversalTime());
        Assert.Equal(0.20m, history[1]["amount"].AsDecimal);
        Assert.Equal("Deposit", history[1]["kind"].AsString);
        Assert.Equal(ledger.Account.NextTransactionId, history.Count);

        var events = await database.GetCollection<BsonDocument>("events")
            .Find(new BsonDocument("accountId", accountId)).Sort(new BsonDocument("version", 1)).ToListAsync();
        Assert.Equal([$"{accountId}/1", $"{accountId}/2"], events.Select(e => e["_id"].AsString));
        Assert.Equal(["account_opened", "deposited"], events.Select(e => e["kind"].AsString));
        Assert.Contains("\"Amount\":0.20", events[1]["body"].AsString); // the exact decimal literal, never a double
    }

    [SkippableFact]
    public async Task Initialize_CreatesTheIndexes_AndCanBeRepeated()
    {
        SkipWithoutMongo();

        await fixture.MongoAccountStore.InitializeAsync(CancellationToken.None);
        await fixture.CreateMongoAccountStore().InitializeAsync(CancellationToken.None);

        var database = fixture.MongoDatabase();
        var history = await IndexAsync(database, "transactions", "accountId_txId");
        Assert.Equal(new BsonDocument { { "accountId", 1 }, { "txId", 1 } }, history["key"].AsBsonDocument);
        Assert.True(history["unique"].ToBoolean());
        var accounts = await IndexAsync(database, "accounts", "ownerId_closed_name");
        Assert.Equal(new BsonDocument { { "ownerId", 1 }, { "closed", 1 }, { "name", 1 } }, accounts["key"].AsBsonDocument);
    }

    [SkippableFact]
    public async Task Commit_WhoseHistoryDoesNotEndAtNextTransactionId_IsRefusedAndWritesNothing()
    {
        SkipWithoutMongo();
        var store = fixture.MongoAccountStore;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);

        var gap = opened.Begin().Deposit(1m).Deposit(2m).Commit;
        var broken = gap with { Appended = [gap.Appended[1]] };
        await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(broken, CancellationToken.None));

        await StoreAssert.HoldsAsync(store, opened);
    }

    [Fact]
    public async Task Initialize_UnreachableServer_FailsWithinTheOperationTimeout()
    {
        using var clients = new MongoDbClientFactory();
        var options = new MongoDbAccountStoreOptions
        {
            ConnectionString = "mongodb://127.0.0.1:9/?directConnection=true",
            OperationTimeout = TimeSpan.FromMilliseconds(500),
        };
        var store = new MongoDbAccountStore(Create(options), clients, NullLogger<MongoDbAccountStore>.Instance);
        var started = TimeProvider.System.GetTimestamp();

        await Assert.ThrowsAsync<TimeoutException>(() => store.InitializeAsync(CancellationToken.None));
        await Assert.ThrowsAsync<TimeoutException>(() => store.LoadAsync("any", CancellationToken.None));

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "an unreachable server must fail fast");
    }

    private static async Task<BsonDocument> IndexAsync(IMongoDatabase database, string collection, string name)
    {
        var indexes = await (await database.GetCollection<BsonDocument>(collection).Indexes.ListAsync()).ToListAsync();
        return Assert.Single(indexes, i => i["name"].AsString == name);
    }

    private void SkipWithoutMongo() => Skip.If(fixture.MongoSkipReason is not null, fixture.MongoSkipReason);

    private static string NewId() => Guid.NewGuid().ToString("N");
}
