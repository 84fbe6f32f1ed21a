using NVelopes.TestSupport;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>
/// One running gateway on MongoDB (a database of its own on the server <c>MONGODB_URI</c> names), for the tests that
/// must hold on both stores; <see cref="SkipReason"/> says why there is none when no server is configured.
/// </summary>
public sealed class MongoDbApiFixture : IAsyncLifetime
{
    public NVelopesApiFactory? Factory { get; private set; }

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var server = await MongoDbTestServer.GetAsync();
        SkipReason = server.SkipReason;
        if (SkipReason is not null) return;
        Factory = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey())
        {
            Settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "MongoDB",
                ["ConnectionStrings:MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("api")),
            },
        };
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (Factory is null) return;
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Factory.DataDirectory);
    }
}
