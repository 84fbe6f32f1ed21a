using NVelopes.Persistence.Sqlite.Storage;

namespace NVelopes.Persistence.Tests.Sqlite;

/// <summary>
/// The embedded writer commits every write waiting in one transaction. Each test holds the writer on a first write
/// while it queues the others, so that the others are certain to be taken as one batch.
/// </summary>
public sealed class SqliteWriterTests : OwnSqliteDatabase
{
    [Fact]
    public async Task WritesQueuedTogether_CommitInOneTransaction()
    {
        var release = await HoldWriterAsync();
        var writes = Enumerable.Range(0, 10).Select(i => Database.Writer.WriteAsync(write => InsertAsync(write, $"row-{i}"))).ToList();
        release.SetResult();

        await Task.WhenAll(writes);
        await Transactions.ReportedAsync(1, 10);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"row-{i}").Order(), await RowsAsync());
    }

    [Fact]
    public async Task AWriteRefusedHalfway_RollsBackAlone_AndEveryOtherWriteLandsOnce()
    {
        var release = await HoldWriterAsync();
        var refusal = new InvalidOperationException("refused after its first row");
        var before = Database.Writer.WriteAsync(write => InsertAsync(write, "before"));
        var refused = Database.Writer.WriteAsync(async write =>
        {
            await InsertAsync(write, "half-written");
            throw refusal;
        });
        // Inserting the same key twice would fail: a write that is run again after the refusal must land only once.
        var after = Database.Writer.WriteAsync(write => InsertAsync(write, "after"));
        release.SetResult();

        Assert.Same(refusal, await Assert.ThrowsAsync<InvalidOperationException>(() => refused));
        await Task.WhenAll(before, after);
        await Transactions.ReportedAsync(1, 2);
        Assert.Equal(["after", "before"], await RowsAsync());
    }

    /// <summary>Occupies the writer with a write of its own until the returned source is completed.</summary>
    private async Task<TaskCompletionSource> HoldWriterAsync()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Database.Writer.WriteAsync(async write =>
        {
            await InsertAsync(write, "held");
            entered.TrySetResult();
            await release.Task;
        });
        await entered.Task;
        return release;
    }

    private static async Task InsertAsync(SqliteWrite write, string grainId)
    {
        var command = write.Command("INSERT INTO grain_state (state_name, grain_id, etag, data) VALUES ('writer-test', $grain, 'e', x'')");
        command.Parameters.AddWithValue("$grain", grainId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> RowsAsync()
    {
        await using var connection = await Database.OpenReadConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id FROM grain_state WHERE state_name = 'writer-test' AND grain_id <> 'held' ORDER BY grain_id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
