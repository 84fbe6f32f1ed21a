using NVelopes.Api.Tests.Infrastructure;
using NVelopes.TestSupport;

namespace NVelopes.Api.Tests.Schedules;

/// <summary>The gateway for the schedule routes, once per store; <see cref="SkipReason"/> says why the store is missing.</summary>
public abstract class SchedulesApiFixture : IAsyncLifetime
{
    public NVelopesApiFactory Factory { get; private set; } = null!;

    public string? SkipReason { get; private set; }

    protected abstract Task<(IReadOnlyDictionary<string, string?>? Settings, string? SkipReason)> StoreAsync();

    public async Task InitializeAsync()
    {
        var (settings, skipReason) = await StoreAsync();
        SkipReason = skipReason;
        if (settings is null) return;
        Factory = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey()) { Settings = settings };
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (Factory is null) return;
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Factory.DataDirectory);
    }
}

public sealed class SqliteSchedulesApiFixture : SchedulesApiFixture
{
    protected override Task<(IReadOnlyDictionary<string, string?>? Settings, string? SkipReason)> StoreAsync() =>
        Task.FromResult<(IReadOnlyDictionary<string, string?>?, string?)>((new Dictionary<string, string?>(), null));
}

public sealed class MongoDbSchedulesApiFixture : SchedulesApiFixture
{
    protected override async Task<(IReadOnlyDictionary<string, string?>? Settings, string? SkipReason)> StoreAsync()
    {
        var server = await MongoDbTestServer.GetAsync();
        if (server.SkipReason is not null) return (null, server.SkipReason);
        return (new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MongoDB",
            ["ConnectionStrings:MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("api_schedules")),
        }, null);
    }
}
