using System.Collections.Concurrent;
using MongoDB.Bson;
using MongoDB.Driver;
using NVelopes.Grains.Storage;
using NVelopes.Persistence.MongoDB.Storage;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.MongoDB;

/// <summary>
/// The MongoDB adapter's group commit: commits of many accounts that wait while a write is in flight share the
/// next transaction, and each still gets its own outcome. Each test holds the writer on one account's commit while
/// it queues the others, so that the others are certain to be taken as one batch.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class MongoDbCommitWriterTests(StorageFixture fixture)
{
    [SkippableFact]
    public async Task CommitsQueuedWhileAWriteIsInFlight_LandInOneTransaction()
    {
        using var writer = await HeldWriterAsync();
        var ledgers = await OpenAsync(writer.Store, 30);

        var changes = ledgers.Select((ledger, i) => i % 2 == 0 ? ledger.Begin().Deposit(i + 1) : ledger.Begin().Undo().Deposit(i + 1)).ToList();
        var commits = changes.Select(change => writer.Store.CommitAsync(change.Commit, CancellationToken.None)).ToList();
        await writer.ReleaseAsync();

        await Task.WhenAll(commits);
        await writer.Telemetry.ReportedAsync(1, 30);
        foreach (var change in changes) await StoreAssert.HoldsAsync(writer.Store, change.After);
    }

    [SkippableFact]
    public async Task StaleCommitInABatch_IsRefusedAndWritesNothing_WhileTheOthersLand()
    {
        using var writer = await HeldWriterAsync();
        var ledgers = await OpenAsync(writer.Store, 20);
        var movedOn = await ledgers[7].Begin().Deposit(1m).CommitAsync(fixture.MongoAccountStore);
        var reply = new RememberedReply("owner/stale", "f", "{}", DateTimeOffset.UtcNow.AddHours(1));

        // An undo replaces history, so nothing but the version check stands in the way of this stale commit.
        var stale = ledgers[7].Begin().Undo().Deposit(2m).Commit with { Replies = [reply] };
        var changes = ledgers.Where((_, i) => i != 7).Select(ledger => ledger.Begin().Deposit(3m)).ToList();
        var refused = writer.Store.CommitAsync(stale, CancellationToken.None);
        var commits = changes.Select(change => writer.Store.CommitAsync(change.Commit, CancellationToken.None)).ToList();
        await writer.ReleaseAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => refused);
        await Task.WhenAll(commits);
        await writer.Telemetry.ReportedAsync([.. Enumerable.Repeat(1, 1 + 19)]); // the held commit, then each but the stale one
        await StoreAssert.HoldsAsync(writer.Store, movedOn);
        Assert.Null(await writer.Store.FindReplyAsync(movedOn.Account.Id, reply.Key, DateTimeOffset.UtcNow, CancellationToken.None));
        foreach (var change in changes) await StoreAssert.HoldsAsync(writer.Store, change.After);
    }

    [SkippableFact]
    public async Task WriteErrorInABatch_FailsOnlyThatCommit_AndTheOthersLand()
    {
        using var writer = await HeldWriterAsync();
        var ledgers = await OpenAsync(writer.Store, 10);
        // A history entry that should not exist yet, where account 3's next transaction goes: its insert hits a
        // duplicate key, which aborts the batch's transaction.
        var broken = ledgers[3];
        var stray = await InsertStrayHistoryAsync(broken.Account.Id, broken.Account.NextTransactionId);

        var failing = writer.Store.CommitAsync(broken.Begin().Deposit(4m).Commit, CancellationToken.None);
        var changes = ledgers.Where(l => l != broken).Select(ledger => ledger.Begin().Deposit(5m)).ToList();
        var commits = changes.Select(change => writer.Store.CommitAsync(change.Commit, CancellationToken.None)).ToList();
        await writer.ReleaseAsync();

        var error = await Assert.ThrowsAnyAsync<MongoException>(() => failing);
        Assert.Contains("duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
        await Task.WhenAll(commits);
        await writer.Telemetry.ReportedAsync([.. Enumerable.Repeat(1, 1 + 9)]); // the held commit, then each but the failing one
        foreach (var change in changes) await StoreAssert.HoldsAsync(writer.Store, change.After);
        await History().DeleteOneAsync(new BsonDocument("_id", stray));
        await StoreAssert.HoldsAsync(writer.Store, broken);
    }

    [SkippableFact]
    public async Task TwoCommitsOfOneAccount_NeverShareABatch_AndLandInOrder()
    {
        using var writer = await HeldWriterAsync();
        var ledgers = await OpenAsync(writer.Store, 5);

        var first = ledgers[0].Begin().Deposit(1m).Deposit(2m);
        var second = first.After.Begin().Undo().Deposit(3m);
        var others = ledgers.Skip(1).Select(ledger => ledger.Begin().Deposit(4m)).ToList();
        var commits = new[] { writer.Store.CommitAsync(first.Commit, CancellationToken.None), writer.Store.CommitAsync(second.Commit, CancellationToken.None) }
            .Concat(others.Select(change => writer.Store.CommitAsync(change.Commit, CancellationToken.None)))
            .ToList();
        await writer.ReleaseAsync();

        await Task.WhenAll(commits);
        // The second commit of account 0 ends the first batch, so the others wait with it for the next.
        await writer.Telemetry.ReportedAsync(1, 1, 5);
        await StoreAssert.HoldsAsync(writer.Store, second.After);
        foreach (var change in others) await StoreAssert.HoldsAsync(writer.Store, change.After);
    }

    [SkippableFact]
    public async Task CallerCancellingWhileItsCommitWaits_WithdrawsOnlyThatCommit()
    {
        using var writer = await HeldWriterAsync();
        var ledgers = await OpenAsync(writer.Store, 6);
        using var cancellation = new CancellationTokenSource();

        var withdrawn = writer.Store.CommitAsync(ledgers[0].Begin().Deposit(1m).Commit, cancellation.Token);
        var changes = ledgers.Skip(1).Select(ledger => ledger.Begin().Deposit(2m)).ToList();
        var commits = changes.Select(change => writer.Store.CommitAsync(change.Commit, CancellationToken.None)).ToList();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        await writer.ReleaseAsync();

        await Task.WhenAll(commits);
        await writer.Telemetry.ReportedAsync(1, 5);
        await StoreAssert.HoldsAsync(writer.Store, ledgers[0]);
        foreach (var change in changes) await StoreAssert.HoldsAsync(writer.Store, change.After);
    }

    [SkippableFact]
    public async Task CallerCancellingOnceItsBatchIsBeingWritten_StopsNoWrite()
    {
        using var writer = await HeldWriterAsync();
        var ledgers = await OpenAsync(writer.Store, 8);
        var batchInTransaction = writer.HoldEventWritesOf(ledgers[0].Account.Id);
        using var cancellation = new CancellationTokenSource();

        var changes = ledgers.Select(ledger => ledger.Begin().Deposit(6m)).ToList();
        var commits = changes.Select(change => writer.Store.CommitAsync(change.Commit, cancellation.Token)).ToList();
        await writer.ReleaseAsync();
        await batchInTransaction.Entered;
        await cancellation.CancelAsync();
        batchInTransaction.Release();

        // The token fired while the batch was in its transaction: that stops neither the batch nor any answer.
        await Task.WhenAll(commits);
        await writer.Telemetry.ReportedAsync(1, 8);
        foreach (var change in changes) await StoreAssert.HoldsAsync(writer.Store, change.After);
    }

    /// <summary>The batch metric operators read (<c>nvelopes.store.commits_per_batch</c>), as the README documents it.</summary>
    [SkippableTheory]
    [InlineData(false, "together")]
    [InlineData(true, "one_by_one")]
    public async Task EachBatch_IsMeasuredWithHowItSettled(bool oneIsStale, string outcome)
    {
        using var writer = await HeldWriterAsync();
        var ledgers = await OpenAsync(writer.Store, 3);
        if (oneIsStale) await ledgers[0].Begin().Deposit(1m).CommitAsync(fixture.MongoAccountStore);

        // An undo replaces history, so only the version check refuses the stale commit.
        var commits = ledgers.Select(ledger => writer.Store.CommitAsync(ledger.Begin().Undo().Deposit(2m).Commit, CancellationToken.None)).ToList();
        await writer.ReleaseAsync();
        await Task.WhenAll(commits.Skip(oneIsStale ? 1 : 0));

        await writer.Telemetry.BatchesSettledAsync((1, "alone"), (3, outcome));
        if (oneIsStale) await Assert.ThrowsAsync<InconsistentStateException>(() => commits[0]);
    }

    [SkippableFact]
    public async Task PureAppends_DeleteNoHistory_WhileUndosAndUnknownStoredHistoryDo()
    {
        SkipWithoutMongo();
        var store = fixture.MongoAccountStore;
        var ledger = await Ledger.Open(NewId(), NewId()).Deposit(1m).CommitAsync(store);
        // Beyond the end of the history, where only a delete from the first changed id would reach it.
        var stray = await InsertStrayHistoryAsync(ledger.Account.Id, ledger.Account.NextTransactionId + 5);

        ledger = await ledger.Begin().Deposit(2m).CommitAsync(store);
        Assert.True(await StrayExistsAsync(stray), "a commit that only appends must not delete history");

        ledger = await ledger.Begin().Undo().Deposit(3m).CommitAsync(store);
        Assert.False(await StrayExistsAsync(stray), "a commit with an undo replaces the history from its first changed id");

        stray = await InsertStrayHistoryAsync(ledger.Account.Id, ledger.Account.NextTransactionId + 5);
        var unknown = ledger.Begin().Deposit(4m);
        await store.CommitAsync(unknown.Commit with { StoredNextTransactionId = null }, CancellationToken.None);
        Assert.False(await StrayExistsAsync(stray), "without the stored next id the store must assume history is replaced");
        await StoreAssert.HoldsAsync(store, unknown.After);
    }

    /// <summary>
    /// A store of its own whose writer is busy with one account's commit, inside its transaction, until
    /// <see cref="HeldWriter.ReleaseAsync"/>, so that whatever is committed meanwhile queues for the next batch.
    /// </summary>
    private async Task<HeldWriter> HeldWriterAsync()
    {
        SkipWithoutMongo();
        var telemetry = new StoreTransactionRecorder();
        var holds = new ConcurrentQueue<EventWriteHold>();
        var store = fixture.CreateMongoAccountStore(telemetry.Telemetry, async accountIds =>
        {
            foreach (var hold in holds) await hold.PassAsync(accountIds);
        });
        var blocker = await Ledger.Open(NewId(), NewId()).CommitAsync(fixture.MongoAccountStore);
        var blocking = new EventWriteHold(blocker.Account.Id);
        holds.Enqueue(blocking);
        var held = store.CommitAsync(blocker.Begin().Deposit(1m).Commit, CancellationToken.None);
        await blocking.Entered;
        return new HeldWriter(store, telemetry, holds, blocking, held);
    }

    private async Task<Ledger[]> OpenAsync(MongoDbAccountStore store, int count)
    {
        // Opened through the shared store, so the held writer's batches are only the test's.
        var ledgers = await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            Ledger.Open(NewId(), NewId()).Deposit(10m).Deposit(20m).CommitAsync(fixture.MongoAccountStore)));
        foreach (var ledger in ledgers) await StoreAssert.HoldsAsync(store, ledger);
        return ledgers;
    }

    private async Task<string> InsertStrayHistoryAsync(string accountId, long transactionId)
    {
        var id = $"{accountId}/{transactionId}";
        await History().InsertOneAsync(new BsonDocument { { "_id", id }, { "accountId", accountId }, { "txId", transactionId } });
        return id;
    }

    private async Task<bool> StrayExistsAsync(string id) => await History().CountDocumentsAsync(new BsonDocument("_id", id)) == 1;

    private IMongoCollection<BsonDocument> History() => fixture.MongoDatabase().GetCollection<BsonDocument>("transactions");

    private void SkipWithoutMongo() => Skip.If(fixture.MongoSkipReason is not null, fixture.MongoSkipReason);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private sealed record HeldWriter(
        MongoDbAccountStore Store, StoreTransactionRecorder Telemetry, ConcurrentQueue<EventWriteHold> Holds,
        EventWriteHold Blocking, Task Held) : IDisposable
    {
        public void Dispose() => Telemetry.Dispose();

        /// <summary>Stops the store's transactions that write events of <paramref name="accountId"/> until released.</summary>
        public EventWriteHold HoldEventWritesOf(string accountId)
        {
            var hold = new EventWriteHold(accountId);
            Holds.Enqueue(hold);
            return hold;
        }

        public async Task ReleaseAsync()
        {
            Blocking.Release();
            await Held;
        }
    }

    /// <summary>
    /// Where a transaction that writes events of one account waits, before it writes them: its accounts and history
    /// are written by then, and it is still open.
    /// </summary>
    private sealed class EventWriteHold(string accountId)
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once such a transaction is waiting here.</summary>
        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        public async Task PassAsync(IReadOnlyCollection<string> accountIds)
        {
            if (!accountIds.Contains(accountId)) return;
            _entered.TrySetResult();
            await _released.Task;
        }
    }
}
