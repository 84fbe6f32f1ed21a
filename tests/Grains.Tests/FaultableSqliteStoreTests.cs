using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;
using NVelopes.TestSupport;

namespace NVelopes.Grains.Tests;

/// <summary>
/// Tests on the real embedded store in a data directory of its own, behind a decorator that holds or fails its calls
/// (<see cref="Store"/>): a fresh store for every test.
/// </summary>
public abstract class FaultableSqliteStoreTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nvelopes-writer-tests", Guid.NewGuid().ToString("N"));
    private SqliteDatabase _database = null!;

    protected FaultInjectingAccountStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(new SqliteStorageOptions { DataDirectory = _directory }));
        await _database.InitializeAsync();
        Store = new FaultInjectingAccountStore(new SqliteAccountStore(_database, TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
