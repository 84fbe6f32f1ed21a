using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.Tests.Accounts;

[Collection(StorageCollection.Name)]
public sealed class MongoDbAccountStoreContractTests(StorageFixture fixture) : AccountStoreContractTests
{
    protected override IAccountStore Store
    {
        get
        {
            Skip.If(fixture.MongoSkipReason is not null, fixture.MongoSkipReason);
            return fixture.MongoAccountStore;
        }
    }

    /// <summary>
    /// A second store whose commits of the account fail as they come to write its events, after the account document
    /// and its history, inside the commit's transaction.
    /// </summary>
    protected override Task<FailingStore> StoreFailingMidCommitAsync(string accountId)
    {
        var store = fixture.CreateMongoAccountStore(beforeEventWrite: accountIds =>
            accountIds.Contains(accountId) ? Task.FromException(new SimulatedCrashException()) : Task.CompletedTask);
        return Task.FromResult(new FailingStore(store, () => Task.CompletedTask));
    }
}
