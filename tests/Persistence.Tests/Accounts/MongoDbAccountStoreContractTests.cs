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

    protected override IAccountStore StoreFailingMidCommit(Exception fault)
    {
        var store = fixture.CreateMongoAccountStore();
        store.BeforeHistoryWrite = (_, _) => Task.FromException(fault);
        return store;
    }
}
