using Microsoft.Data.Sqlite;
using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;

namespace NVelopes.Persistence.Tests.Sqlite;

/// <summary>
/// For tests that need a database file of their own, apart from the shared fixture's: created for each test in a
/// directory of its own and deleted after it, with the writer's transactions recorded.
/// </summary>
public abstract class OwnSqliteDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nvelopes-sqlite-tests", Guid.NewGuid().ToString("N"));

    internal StoreTransactionRecorder Transactions { get; } = new();

    internal SqliteDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = new SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), Transactions.Telemetry);
        await Database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Transactions.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
