using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>
/// Group commit across accounts. Every MongoDB transaction commit waits for a majority, journaled write, so one
/// transaction per account write makes that wait the cost of every write. Commits that arrive while a write is in
/// flight queue here instead, and the next write takes up to <see cref="MaximumCommitsPerBatch"/> of them, at most
/// one per account and in arrival order, into one transaction that commits once.
/// <para>
/// Each caller still gets its own outcome, and only once the transaction holding its commit has committed. A batch
/// that cannot land whole (a version check or a write error of one of its commits) is aborted and its commits are
/// written again each on its own, so a stale commit gets its <c>InconsistentStateException</c> and the others land.
/// When the store is unreachable (a timeout, a lost connection) the whole batch fails with that error, as one commit
/// would. Retrying is always safe: every account write is conditional on the version the caller read.
/// </para>
/// <para>
/// <c>transactionCommitted</c> is told, after each transaction that committed, how many commits it held;
/// <c>batchSettled</c>, once every caller of a batch has its outcome, how many commits the batch held and how it was
/// settled (<c>alone</c>, <c>together</c>, <c>one_by_one</c> or <c>store_unavailable</c>).
/// </para>
/// </summary>
internal sealed partial class MongoDbCommitWriter(
    TimeSpan operationTimeout,
    Func<PreparedCommit, TimeSpan, Task> commitAlone,
    Func<IReadOnlyList<PreparedCommit>, TimeSpan, Task> commitTogether,
    ILogger logger,
    Action<int>? transactionCommitted = null,
    Action<int, string>? batchSettled = null)
{
    /// <summary>Bounds the size of one transaction, and so the work redone when a batch falls back to single commits.</summary>
    public const int MaximumCommitsPerBatch = 64;

    private readonly object _gate = new();
    private readonly Queue<QueuedCommit> _queue = new();
    private bool _writing;

    /// <summary>How a batch of commits was settled.</summary>
    private enum BatchOutcome
    {
        /// <summary>A batch of one commit, written by the single-commit path.</summary>
        Alone,

        /// <summary>Every commit of the batch landed in one transaction.</summary>
        Together,

        /// <summary>The batch could not land whole; each commit was written on its own, with its own result.</summary>
        OneByOne,

        /// <summary>The store was unavailable; every commit of the batch failed with that error.</summary>
        StoreUnavailable,
    }

    /// <summary>
    /// Queues <paramref name="commit"/> for the next write and completes once it is durable, or fails with why it was
    /// not written. <paramref name="cancellationToken"/> withdraws the commit only while it waits; once its batch is
    /// being written it is not cancelled, because that would cancel the other accounts' write as well.
    /// </summary>
    public Task WriteAsync(PreparedCommit commit, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        var queued = new QueuedCommit(commit);
        queued.WithdrawWhen(cancellationToken);
        lock (_gate)
        {
            _queue.Enqueue(queued);
            if (!_writing)
            {
                _writing = true;
                // The writer serves every caller, so it must not run in the trace or logging scope of the one that
                // happened to start it.
                using (ExecutionContext.SuppressFlow()) _ = Task.Run(WriteWhileQueuedAsync);
            }
        }
        return queued.Outcome;
    }

    private async Task WriteWhileQueuedAsync()
    {
        while (TakeBatch() is { Count: > 0 } batch)
        {
            var outcome = await WriteBatchAsync(batch).ConfigureAwait(false);
            batchSettled?.Invoke(batch.Count, NameOf(outcome));
        }
    }

    /// <summary>The outcome as metrics name it.</summary>
    private static string NameOf(BatchOutcome outcome) => outcome switch
    {
        BatchOutcome.Alone => "alone",
        BatchOutcome.Together => "together",
        BatchOutcome.OneByOne => "one_by_one",
        BatchOutcome.StoreUnavailable => "store_unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The oldest queued commits, at most one per account; an empty batch ends the writer.</summary>
    private List<QueuedCommit> TakeBatch()
    {
        lock (_gate)
        {
            var batch = new List<QueuedCommit>();
            var accounts = new HashSet<string>(StringComparer.Ordinal);
            while (batch.Count < MaximumCommitsPerBatch && _queue.TryPeek(out var next))
            {
                // A second commit of an account waits for the next batch, so an account's commits land in order.
                if (accounts.Contains(next.Commit.AccountId)) break;
                _queue.Dequeue();
                if (!next.TryStartWriting()) continue; // withdrawn by its caller while it waited
                accounts.Add(next.Commit.AccountId);
                batch.Add(next);
            }
            if (batch.Count == 0) _writing = false;
            return batch;
        }
    }

    private async Task<BatchOutcome> WriteBatchAsync(List<QueuedCommit> batch)
    {
        // Each commit may take the operation timeout from the moment it was queued, so a stalled store fails every
        // caller within about that long, including those queued behind the write that stalled.
        var timeLeft = batch.Min(q => operationTimeout - q.Waited);
        if (timeLeft <= TimeSpan.Zero)
        {
            var expired = new TimeoutException(
                $"MongoDB: the commit waited longer than {operationTimeout.TotalSeconds:0.###} s for earlier writes to finish.");
            foreach (var queued in batch) queued.Fail(expired);
            return BatchOutcome.StoreUnavailable;
        }

        if (batch.Count == 1)
        {
            await SettleAloneAsync(batch[0], timeLeft).ConfigureAwait(false);
            return BatchOutcome.Alone;
        }

        try
        {
            await commitTogether([.. batch.Select(q => q.Commit)], timeLeft).ConfigureAwait(false);
            transactionCommitted?.Invoke(batch.Count);
            foreach (var queued in batch) queued.Succeed();
            return BatchOutcome.Together;
        }
        catch (Exception failure) when (IsStoreUnavailable(failure))
        {
            foreach (var queued in batch) queued.Fail(failure);
            return BatchOutcome.StoreUnavailable;
        }
        catch (Exception failure)
        {
            // The transaction was aborted, so nothing of the batch was written. The accounts are all different, so
            // their single commits cannot conflict with each other and run side by side.
            LogBatchFallsBack(batch.Count, failure.GetType().Name, failure.Message);
        }
        await Task.WhenAll(batch.Select(queued => SettleAloneAsync(queued, operationTimeout))).ConfigureAwait(false);
        return BatchOutcome.OneByOne;
    }

    private async Task SettleAloneAsync(QueuedCommit queued, TimeSpan timeout)
    {
        try
        {
            await commitAlone(queued.Commit, timeout).ConfigureAwait(false);
            transactionCommitted?.Invoke(1);
            queued.Succeed();
        }
        catch (Exception failure)
        {
            queued.Fail(failure);
        }
    }

    /// <summary>
    /// Errors that say the store could not be reached or could not decide, rather than that a commit was refused:
    /// writing the commits one by one would only make every caller wait for the same error again.
    /// </summary>
    private static bool IsStoreUnavailable(Exception failure) => failure
        is TimeoutException
        or OperationCanceledException
        or MongoConnectionException
        or MongoExecutionTimeoutException
        or MongoNotPrimaryException
        or MongoNodeIsRecoveringException
        || failure is MongoException mongo
        && (mongo.HasErrorLabel("TransientTransactionError")
            || mongo.HasErrorLabel("UnknownTransactionCommitResult")
            || mongo.HasErrorLabel("RetryableWriteError"));

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "A batch of {Count} commits could not land whole ({Error}: {Reason}); writing them one by one")]
    private partial void LogBatchFallsBack(int count, string error, string reason);

    /// <summary>One caller's commit: waiting, then being written (or withdrawn), then settled.</summary>
    private sealed class QueuedCommit(PreparedCommit commit)
    {
        private const int Waiting = 0, Writing = 1, Withdrawn = 2;

        private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly long _queuedAt = Stopwatch.GetTimestamp();
        private int _state = Waiting;
        private CancellationTokenRegistration _withdrawal;

        public PreparedCommit Commit { get; } = commit;

        public Task Outcome => _outcome.Task;

        public TimeSpan Waited => Stopwatch.GetElapsedTime(_queuedAt);

        public void WithdrawWhen(CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled) return;
            _withdrawal = cancellationToken.Register(() =>
            {
                if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting) _outcome.TrySetCanceled(cancellationToken);
            });
        }

        /// <summary>False when the caller withdrew the commit first; then it is never written.</summary>
        public bool TryStartWriting()
        {
            if (Interlocked.CompareExchange(ref _state, Writing, Waiting) != Waiting) return false;
            _withdrawal.Unregister(); // unlike Dispose, does not wait for a callback that may be running
            return true;
        }

        public void Succeed() => _outcome.TrySetResult();

        public void Fail(Exception failure) => _outcome.TrySetException(failure);
    }
}
