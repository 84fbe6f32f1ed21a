using Microsoft.Extensions.Logging.Abstractions;
using NVelopes.Bench.Baseline;
using NVelopes.Bench.Hosting;
using NVelopes.Bench.Load;
using NVelopes.Bench.Options;
using NVelopes.Bench.Scenarios;
using NVelopes.Bench.Targets;
using NVelopes.Grains.Storage;
using NVelopes.Persistence.MongoDB;
using NVelopes.Persistence.MongoDB.Options;
using NVelopes.Persistence.MongoDB.Storage;
using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;

namespace NVelopes.Bench;

/// <summary>
/// Both systems, running, for one benchmark run: NVelopes (in this process, or at <c>--url</c>) and the baseline,
/// each on its own data of the chosen kind of store, and one bench user logged in to both.
/// </summary>
internal sealed class BenchSession : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<IDisposable> _clients = [];
    private readonly WriteMeter _writes = new();
    private StoreSettings? _stores;
    private bool _external;
    private bool _keep;

    public ScenarioContext Context { get; private set; } = null!;

    public static async Task<BenchSession> StartAsync(BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var session = new BenchSession { _external = options.Url is not null, _keep = options.Keep };
        try
        {
            await session.StartSystemsAsync(options, progress, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task StartSystemsAsync(BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var stores = _stores = StoreSettings.Create(options, _external);

        IAccountStore accountStore;
        IServiceProvider? silo = null;
        Uri gateway;
        if (options.Url is { } url)
        {
            gateway = url;
            accountStore = await ConnectAccountStoreAsync(stores, cancellationToken);
        }
        else
        {
            var service = await NVelopesService.StartAsync(stores, cancellationToken);
            _owned.Add(service);
            gateway = service.Address;
            silo = service.Services;
            accountStore = silo.GetRequiredService<IAccountStore>();
        }

        IBaselineStore baselineStore = stores.Kind == StoreKind.Embedded
            ? new SqliteBaselineStore(stores.BaselineDataDirectory!)
            : new MongoDbBaselineStore(stores.BaselineConnectionString!);
        var baseline = await BaselineService.StartAsync(baselineStore, stores.RunDirectory, cancellationToken);
        _owned.Add(baseline);
        await progress.WriteLineAsync($"nvelopes at {gateway}, baseline at {baseline.Address}, store {options.StoreName} (run {stores.RunId})");

        var (userId, username, accessToken) = await BenchHttp.SignUpAndLogInAsync(gateway, cancellationToken);
        await baselineStore.InsertUserAsync(new BaselineUser(userId, username, Disabled: false), cancellationToken);
        var baselineToken = baseline.Tokens.Issue(username);
        var nvelopesHttp = Track(BenchHttp.Client(gateway, options.Concurrency, accessToken));
        var baselineHttp = Track(BenchHttp.Client(baseline.Address, options.Concurrency, baselineToken));
        var nvelopesLoad = Track(new LoadClient(gateway, accessToken));
        var baselineLoad = Track(new LoadClient(baseline.Address, baselineToken));
        var writeParallelism = stores.Kind == StoreKind.Embedded ? 256 : 16;

        Context = new ScenarioContext(
            options,
            new NVelopesSystem(nvelopesHttp, nvelopesLoad, userId, accountStore, writeParallelism, silo),
            new BaselineSystem(baselineHttp, baselineLoad, userId, baselineStore),
            new LoadRunner(progress),
            progress,
            TimeProvider.System,
            _writes);
    }

    /// <summary>With <c>--url</c>: this process's own adapter on the running gateway's store.</summary>
    private async Task<IAccountStore> ConnectAccountStoreAsync(StoreSettings stores, CancellationToken cancellationToken)
    {
        IAccountStore store;
        if (stores.Kind == StoreKind.Embedded)
        {
            var database = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(
                new SqliteStorageOptions { DataDirectory = stores.NVelopesDataDirectory! }));
            _owned.Add(database);
            var services = new ServiceCollection().AddSingleton(database).AddSingleton(TimeProvider.System).BuildServiceProvider();
            _owned.Add(services);
            store = ActivatorUtilities.CreateInstance<SqliteAccountStore>(services);
        }
        else
        {
            var clients = new MongoDbClientFactory();
            _clients.Add(clients);
            store = new MongoDbAccountStore(
                Microsoft.Extensions.Options.Options.Create(new MongoDbAccountStoreOptions { ConnectionString = stores.NVelopesConnectionString }),
                clients, NullLogger<MongoDbAccountStore>.Instance);
        }
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    private T Track<T>(T client) where T : IDisposable
    {
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        _writes.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
        if (_stores is not null && !_keep) await _stores.DeleteAsync(_external);
    }
}
