using NVelopes.Api.Tests.Infrastructure;
using NVelopes.TestSupport;

namespace NVelopes.Api.Tests.Imports;

/// <summary>One running gateway on MongoDB, in a database of its own; <see cref="SkipReason"/> when there is no server.</summary>
public sealed class MongoDbApiFixture : IAsyncLifetime
{
    private NVelopesApiFactory? _factory;

    public string? SkipReason { get; private set; }

    public NVelopesApiFactory Factory => _factory ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        var server = await MongoDbTestServer.GetAsync();
        SkipReason = server.SkipReason;
        if (SkipReason is not null) return;
        _factory = new NVelopesApiFactory(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey())
        {
            Settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "MongoDB",
                ["ConnectionStrings:MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("api_import")),
            },
        };
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is null) return;
        await _factory.DisposeAsync();
        TestDirectories.TryDelete(_factory.DataDirectory);
    }
}
