using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace NVelopes.Persistence.Sqlite.Storage;

/// <summary>
/// The one writer of the database file. Writes queue here; the writer takes every write waiting, runs them all in
/// one transaction and commits once. When one of them is refused, the batch is written again with each write in a
/// savepoint, so that the refused write rolls back alone. Each caller learns its own outcome only after that
/// commit is durable.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaximumWritesPerCommit = 512;

    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<Task<SqliteConnection>> _openConnection;
    private readonly Action<int>? _transactionCommitted;
    private readonly Task _loop;

    /// <param name="openConnection">Opens the writer's connection.</param>
    /// <param name="transactionCommitted">Told, after each durable transaction, how many writes it committed.</param>
    public SqliteWriter(Func<Task<SqliteConnection>> openConnection, Action<int>? transactionCommitted = null)
    {
        _openConnection = openConnection;
        _transactionCommitted = transactionCommitted;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Runs <paramref name="write"/> inside the next durable transaction; completes when it is on disk.</summary>
    public Task WriteAsync(Func<SqliteWrite, Task> write)
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
        SqliteStatements? statements = null;
        var batch = new List<QueuedWrite>(MaximumWritesPerCommit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaximumWritesPerCommit && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                if (connection is null)
                {
                    connection = await _openConnection();
                    statements = new SqliteStatements(connection);
                }
                await CommitBatchAsync(connection, statements!, batch);
            }
            catch (Exception failure)
            {
                foreach (var write in batch) write.Done.TrySetException(failure);
                statements?.Dispose();
                statements = null;
                if (connection is not null) await connection.DisposeAsync();
                connection = null; // a broken connection is replaced on the next batch
            }
        }
        statements?.Dispose();
        if (connection is not null) await connection.DisposeAsync();
    }

    private async Task CommitBatchAsync(SqliteConnection connection, SqliteStatements statements, List<QueuedWrite> batch)
    {
        var outcomes = await TryCommitAllAsync(connection, statements, batch)
            ?? await CommitEachInASavepointAsync(connection, statements, batch);
        var committed = outcomes.Count(refused => refused is null);
        if (committed > 0) _transactionCommitted?.Invoke(committed);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } refused) batch[i].Done.TrySetException(refused);
            else batch[i].Done.TrySetResult();
        }
    }

    /// <summary>
    /// The common case, every write succeeding, without the two statements a savepoint per write costs. A write
    /// that fails may have left part of its changes, so the whole transaction is rolled back and null returned: the
    /// batch is then written again, each write in a savepoint. Writes only run statements, so running one again is safe.
    /// </summary>
    private static async Task<Exception?[]?> TryCommitAllAsync(SqliteConnection connection, SqliteStatements statements, List<QueuedWrite> batch)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var write = new SqliteWrite(transaction, statements);
        foreach (var queued in batch)
        {
            try
            {
                await queued.Write(write);
            }
            catch (Exception)
            {
                await transaction.RollbackAsync();
                return null;
            }
        }
        await transaction.CommitAsync();
        return new Exception?[batch.Count];
    }

    /// <summary>Each write in a savepoint of one transaction, so that a refused write rolls back alone.</summary>
    private static async Task<Exception?[]> CommitEachInASavepointAsync(SqliteConnection connection, SqliteStatements statements, List<QueuedWrite> batch)
    {
        var outcomes = new Exception?[batch.Count];
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var write = new SqliteWrite(transaction, statements);
        for (var i = 0; i < batch.Count; i++)
        {
            // One savepoint name serves every write: each is released or rolled back before the next starts.
            await write.Command("SAVEPOINT write").ExecuteNonQueryAsync();
            try
            {
                await batch[i].Write(write);
                await write.Command("RELEASE write").ExecuteNonQueryAsync();
            }
            catch (Exception refused)
            {
                await write.Command("ROLLBACK TO write").ExecuteNonQueryAsync();
                await write.Command("RELEASE write").ExecuteNonQueryAsync();
                outcomes[i] = refused;
            }
        }
        await transaction.CommitAsync();
        return outcomes;
    }

    private sealed record QueuedWrite(Func<SqliteWrite, Task> Write)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
