using Microsoft.Extensions.Logging.Abstractions;
using NVelopes.Persistence.MongoDB.Reminders;
using Orleans;
using Orleans.Configuration;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace NVelopes.Persistence.Tests.Reminders;

[Collection(StorageCollection.Name)]
public sealed class MongoDbReminderTableContractTests(StorageFixture fixture) : ReminderTableContractTests
{
    protected override async Task<IReminderTable> TableAsync(string serviceId)
    {
        Skip.If(fixture.MongoSkipReason is not null, fixture.MongoSkipReason);
        var table = new MongoDbReminderTable(
            MsOptions.Create(fixture.MongoOptions(new MongoDbReminderOptions())),
            MsOptions.Create(new ClusterOptions { ServiceId = serviceId }),
            fixture.MongoClients,
            NullLogger<MongoDbReminderTable>.Instance);
        await table.StartAsync(CancellationToken.None);
        return table;
    }
}
