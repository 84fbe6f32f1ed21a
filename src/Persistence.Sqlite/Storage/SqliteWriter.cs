using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace NVelopes.Persistence.Sqlite.Storage;

/// <summary>
/// The one writer of the database file. Writes queue here; the writer takes every write waiting, runs each in a
/// savepoint of one transaction (a refused write rolls back alone) and commits once. Each caller learns its own
/// outcome only after that commit is durable.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaximumWritesPerCommit = 512;

    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<Task<SqliteConnection>> _openConnection;
    private readonly Task _loop;

    public SqliteWriter(Func<Task<SqliteConnection>> openConnection)
    {
        _openConnection = openConnection;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Runs <paramref name="write"/> inside the next durable transaction; completes when it is on disk.</summary>
    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> write)
    {
        var queued = new QueuedWrite(write);
        if (!_queue.Writer.TryWrite(queued)) throw new ObjectDisposedException(nameof(SqliteWriter));
        return queued.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteLoopAsync()
    {
        SqliteConnection? connection = null;
        var batch = new List<QueuedWrite>(MaximumWritesPerCommit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaximumWritesPerCommit && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                connection ??= await _openConnection();
                await CommitBatchAsync(connection, batch);
            }
            catch (Exception failure)
            {
                foreach (var write in batch) write.Done.TrySetException(failure);
                if (connection is not null) await connection.DisposeAsync();
                connection = null; // a broken connection is replaced on the next batch
            }
        }
        if (connection is not null) await connection.DisposeAsync();
    }

    private static async Task CommitBatchAsync(SqliteConnection connection, List<QueuedWrite> batch)
    {
        var outcomes = new Exception?[batch.Count];
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = $"w{i}";
                await transaction.SaveAsync(savepoint);
                try
                {
                    await batch[i].Write(connection, transaction);
                    await transaction.ReleaseAsync(savepoint);
                }
                catch (Exception refused)
                {
                    await transaction.RollbackAsync(savepoint);
                    await transaction.ReleaseAsync(savepoint);
                    outcomes[i] = refused;
                }
            }
            await transaction.CommitAsync();
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } refused) batch[i].Done.TrySetException(refused);
            else batch[i].Done.TrySetResult();
        }
    }

    private sealed record QueuedWrite(Func<SqliteConnection, SqliteTransaction, Task> Write)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
