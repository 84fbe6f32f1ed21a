using NVelopes.Persistence.Sqlite.Storage;

namespace NVelopes.Persistence.Tests.Sqlite;

/// <summary>The write-ahead log reaches the database file in the background, not in the writer's commits.</summary>
public sealed class SqliteCheckpointTests : OwnSqliteDatabase
{
    [Fact]
    public async Task CommittedWrites_AreCopiedIntoTheDatabaseFile_WhileTheServiceRuns()
    {
        var store = new SqliteAccountStore(Database, TimeProvider.System);
        var fileBefore = new FileInfo(Database.Path).Length;

        // About 1 MB of log: fewer pages than the writer's own checkpoint bound, so only the background copies them.
        var opened = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            Ledger.Open($"checkpoint-{i}", "owner").Deposit(1m).Deposit(2m).CommitAsync(store)));

        var grown = await EventuallyAsync(() => new FileInfo(Database.Path).Length > fileBefore, TimeSpan.FromSeconds(10));

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
