using NVelopes.Grains.Storage;
using NVelopes.Persistence.Sqlite.Storage;

namespace NVelopes.Persistence.Tests.Accounts;

[Collection(StorageCollection.Name)]
public sealed class SqliteAccountStoreContractTests(StorageFixture fixture) : AccountStoreContractTests
{
    protected override IAccountStore Store => fixture.SqliteAccountStore;

    protected override IAccountStore StoreFailingMidCommit(Exception fault) =>
        new SqliteAccountStore(fixture.Sqlite, TimeProvider.System) { BeforeHistoryWrite = _ => throw fault };
}
