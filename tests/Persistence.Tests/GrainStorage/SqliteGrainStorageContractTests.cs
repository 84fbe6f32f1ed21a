using NVelopes.Persistence.Sqlite.Storage;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.GrainStorage;

[Collection(StorageCollection.Name)]
public sealed class SqliteGrainStorageContractTests(StorageFixture fixture) : GrainStorageContractTests
{
    protected override Task<IGrainStorage> StorageAsync() =>
        Task.FromResult<IGrainStorage>(new SqliteGrainStorage(fixture.Sqlite, TestSerializer.Create()));
}
