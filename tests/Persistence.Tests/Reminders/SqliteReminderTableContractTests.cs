using NVelopes.Persistence.Sqlite.Reminders;
using Orleans;
using Orleans.Configuration;

namespace NVelopes.Persistence.Tests.Reminders;

[Collection(StorageCollection.Name)]
public sealed class SqliteReminderTableContractTests(StorageFixture fixture) : ReminderTableContractTests
{
    protected override async Task<IReminderTable> TableAsync(string serviceId)
    {
        var table = new SqliteReminderTable(fixture.Sqlite, Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = serviceId }));
        await table.StartAsync(CancellationToken.None);
        return table;
    }
}
