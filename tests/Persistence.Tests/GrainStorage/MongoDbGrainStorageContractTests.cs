using Microsoft.Extensions.Logging.Abstractions;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Persistence.MongoDB.Storage;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.GrainStorage;

[Collection(StorageCollection.Name)]
public sealed class MongoDbGrainStorageContractTests(StorageFixture fixture) : GrainStorageContractTests
{
    protected override async Task<IGrainStorage> StorageAsync()
    {
        Skip.If(fixture.MongoSkipReason is not null, fixture.MongoSkipReason);
        var options = fixture.MongoOptions(new MongoDbGrainStorageOptions { GrainStorageSerializer = TestSerializer.Create() });
        var storage = new MongoDbGrainStorage("users", options, fixture.MongoClients, NullLogger<MongoDbGrainStorage>.Instance);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }
}
