using NVelopes.Persistence.Sqlite.Options;
using NVelopes.Persistence.Sqlite.Storage;

namespace NVelopes.Persistence.Tests.Sqlite;

/// <summary>The write-ahead log reaches the database file in the background, not in the writer's commits.</summary>
public sealed class SqliteCheckpointTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nvelopes-checkpoint-tests", Guid.NewGuid().ToString("N"));
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(new SqliteStorageOptions { DataDirectory = _directory }));
        await _database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task CommittedWrites_AreCopiedIntoTheDatabaseFile_WhileTheServiceRuns()
    {
        var store = new SqliteAccountStore(_database, TimeProvider.System);
        var fileBefore = new FileInfo(_database.Path).Length;

        // About 1 MB of log: fewer pages than the writer's own checkpoint bound, so only the background copies them.
        var opened = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            Ledger.Open($"checkpoint-{i}", "owner").Deposit(1m).Deposit(2m).CommitAsync(store)));

        var grown = await EventuallyAsync(() => new FileInfo(_database.Path).Length > fileBefore, TimeSpan.FromSeconds(10));

        Assert.True(grown, $"The database file stayed at {fileBefore} bytes: the log was not checkpointed.");
        var reloaded = await store.LoadAsync(opened[^1].Account.Id, CancellationToken.None);
        Assert.Equal(opened[^1].Account.Balance, reloaded?.Account.Balance);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }
        return condition();
    }
}
