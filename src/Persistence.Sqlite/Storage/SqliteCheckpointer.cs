using Microsoft.Data.Sqlite;

namespace NVelopes.Persistence.Sqlite.Storage;

/// <summary>
/// Copies the write-ahead log into the database file in the background, on a connection of its own, every
/// <see cref="Interval"/>. A commit is durable once it is in the log (synchronous FULL); the copy only keeps the
/// log short. SQLite's default does it inside the commit that crosses 1,000 log pages, where it held the one writer,
/// and with it every account's waiting write, for the time of a random write over the database file. A passive
/// checkpoint never waits for the writer or for readers; the writer still checkpoints by itself past
/// <see cref="WriterCheckpointPages"/>, should this fall behind.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>How often the log is copied.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>The log length (pages of 4 KB) at which the writer checkpoints in its own commit after all.</summary>
    public const int WriterCheckpointPages = 50_000;

    private readonly Func<CancellationToken, Task<SqliteConnection>> _openConnection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(Func<CancellationToken, Task<SqliteConnection>> openConnection)
    {
        _openConnection = openConnection;
        _loop = Task.Run(CheckpointLoopAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task CheckpointLoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await using var connection = await _openConnection(_stop.Token);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(_stop.Token);
                }
                catch (Exception failed) when (failed is not OperationCanceledException)
                {
                    // A busy, full or unavailable file: the next tick tries again, the writer's own bound still holds,
                    // and the writer reports a failing store to the commits themselves.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
