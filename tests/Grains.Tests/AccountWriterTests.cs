using Microsoft.Extensions.Logging.Abstractions;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Accounts;
using NVelopes.Grains.Domain;
using NVelopes.TestSupport;

namespace NVelopes.Grains.Tests;

/// <summary>
/// The account write path without a cluster: <see cref="AccountWriter"/> on the real embedded store, behind a
/// decorator that holds or fails its calls.
/// </summary>
public sealed class AccountWriterTests : FaultableSqliteStoreTests
{
    private const string Owner = "owner-1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CommandsArrivingDuringAWrite_ShareTheNextWrite_AndEachAnswerWaitsForItsOwn()
    {
        var writer = await OpenedAsync();
        Store.Commits.Hold();
        var first = DepositAsync(writer, 1m);
        await Store.Commits.UntilHeldAsync(1);
        var queued = Enumerable.Range(2, 5).Select(i => DepositAsync(writer, i)).ToArray();
        await Task.Delay(100);

        Assert.False(first.IsCompleted); // not durable yet, so not answered
        Assert.Equal(1, (await writer.DurableOwnedAsync(Owner, CancellationToken.None)).Version); // reads see durable state only
        Store.Commits.Release();
        var answers = await Task.WhenAll(queued.Prepend(first)).WaitAsync(Patience);

        Assert.Equal([2L, 3, 4, 5, 6, 7], answers.Select(a => a.Account.Version));
        Assert.Equal([1, 1, 5], Store.CommittedEventCounts); // opening, the held deposit, then the five together
        Assert.Equal(121m, (await Store.LoadAsync(writer.AccountId, CancellationToken.None))!.Account.Balance);
    }

    [Fact]
    public async Task ManyConcurrentCallers_OnThreadPoolThreads_EachGetADistinctVersion_AndTheLogHasNoGap()
    {
        var writer = await OpenedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var versions = new List<long>();
            for (var i = 0; i < 100; i++) versions.Add((await DepositAsync(writer, 0.01m)).Account.Version);
            return versions;
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        var versions = answers.SelectMany(v => v).Order().ToArray();
        Assert.Equal(Enumerable.Range(2, 800).Select(v => (long)v), versions);
        var stored = (await Store.LoadAsync(writer.AccountId, CancellationToken.None))!;
        Assert.Equal((801L, 108.00m), (stored.Version, stored.Account.Balance));
        var log = await Store.ReadEventsAsync(writer.AccountId, 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 801).Select(v => (long)v), log.Select(e => e.Version));
        Assert.True(Store.CommittedEventCounts.Count < 801, "concurrent commands shared writes");
    }

    [Fact]
    public async Task AFailedWrite_FailsItAndEverythingQueuedOnIt_ThenTheAccountIsReloaded()
    {
        var writer = await OpenedAsync();
        Store.Commits.Hold();
        var failing = DepositAsync(writer, 1m);
        await Store.Commits.UntilHeldAsync(1);
        var queued = DepositAsync(writer, 2m);
        Store.Fault = StoreFault.Unreachable;
        Store.Commits.Release();

        Assert.Equal(ErrorKind.Unavailable, (await Assert.ThrowsAsync<NVelopesException>(() => failing)).Kind);
        Assert.Equal(ErrorKind.Unavailable, (await Assert.ThrowsAsync<NVelopesException>(() => queued)).Kind);
        Store.Fault = StoreFault.None;
        var after = await DepositAsync(writer, 4m);

        Assert.Equal((2L, 104m), (after.Account.Version, after.Account.Balance));
        var log = await writer.ReadChangesAsync(Owner, 0, 100, CancellationToken.None);
        Assert.Equal(["account_opened", "deposited"], log.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task ARetryWithItsKey_GetsTheFirstAnswer_AndAnotherRequestUnderTheKeyIsRefused()
    {
        var writer = await OpenedAsync();
        var options = new CommandOptions(IdempotencyKey: "key-1", RequestFingerprint: "deposit 5");

        var first = await DepositAsync(writer, 5m, options);
        var retried = await DepositAsync(writer, 5m, options);
        var reloaded = await DepositAsync(NewWriter(writer.AccountId), 5m, options); // after a restart: from the store
        var other = await Assert.ThrowsAsync<NVelopesException>(() => DepositAsync(writer, 6m, options with { RequestFingerprint = "deposit 6" }));

        Assert.Equal(Json(first), Json(retried));
        Assert.Equal(first.Account.Version, reloaded.Account.Version);
        Assert.Equal(ErrorKind.Unprocessable, other.Kind);
        var log = await writer.ReadChangesAsync(Owner, 0, 100, CancellationToken.None);
        Assert.Equal([false, true], log.Changes.Select(c => c.Idempotent));
    }

    [Fact]
    public async Task RedoAfterAReload_FindsTheUndoInTheStore()
    {
        var writer = await OpenedAsync();
        await DepositAsync(writer, 3m);
        await UndoAsync(writer);

        var reloaded = NewWriter(writer.AccountId);
        var redone = await reloaded.RunAsync(Owner, null, opensAccount: false, CancellationToken.None,
            async account => account!.Redo(await reloaded.UndoAtAsync(account.NextRedo(), CancellationToken.None)));

        Assert.Equal((4L, 103m, 1L), (redone.Account.Version, redone.Account.Balance, redone.Transaction!.TxId));
    }

    [Fact]
    public async Task Watch_AnswersOnceTheNextEventIsDurable_OrEmptyWhenNoneCameInTime()
    {
        var writer = await OpenedAsync();

        var idle = await writer.WatchChangesAsync(Owner, 1, 10, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        var watching = writer.WatchChangesAsync(Owner, 1, 10, Patience, CancellationToken.None);
        Store.Commits.Hold();
        var deposit = DepositAsync(writer, 2m);
        await Store.Commits.UntilHeldAsync(1);
        await Task.Delay(50);
        Assert.False(watching.IsCompleted); // applied but not durable: feeds never see what may still be lost
        Store.Commits.Release();
        var woken = await watching.WaitAsync(Patience);
        await deposit;

        Assert.Empty(idle.Changes);
        Assert.Equal(1, idle.Version);
        Assert.Equal(("deposited", 2L), (Assert.Single(woken.Changes).Kind, woken.Version));
    }

    [Fact]
    public async Task Changes_OlderThanTheWindow_ComeFromTheStore_AndMatchWhatTheWindowServed()
    {
        var writer = await OpenedAsync();
        for (var i = 0; i < AccountWriter.DurableEventsKept + 20; i++) await DepositAsync(writer, 0.01m);
        var recent = await writer.ReadChangesAsync(Owner, 200, 50, CancellationToken.None);

        var fromStore = await NewWriter(writer.AccountId).ReadChangesAsync(Owner, 0, 1000, CancellationToken.None);
        var fromWindow = await writer.ReadChangesAsync(Owner, 0, 1000, CancellationToken.None);

        Assert.Equal(AccountWriter.DurableEventsKept + 21, fromStore.Version);
        Assert.Equal(Enumerable.Range(1, AccountWriter.DurableEventsKept + 21).Select(v => (long)v), fromWindow.Changes.Select(c => c.Version));
        Assert.Equal(Json(fromStore.Changes), Json(fromWindow.Changes));
        Assert.Equal(Json(fromWindow.Changes.Skip(200).Take(50)), Json(recent.Changes));
        Assert.True(recent.More);
    }

    [Fact]
    public async Task Commands_OfSomeoneElse_AreNotFound_AndChangeNothing()
    {
        var writer = await OpenedAsync();

        var refused = await Assert.ThrowsAsync<NVelopesException>(() => writer.RunAsync("stranger", null, opensAccount: false, CancellationToken.None,
            account => ValueTask.FromResult(account!.Deposit(0, "x", 1m, writer.Now()))));

        Assert.Equal(ErrorKind.NotFound, refused.Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<NVelopesException>(() =>
            writer.ReadChangesAsync("stranger", 0, 10, CancellationToken.None))).Kind);
        Assert.Equal(1, (await writer.DurableOwnedAsync(Owner, CancellationToken.None)).Version);
    }

    /// <summary>Views compared by value: their immutable arrays compare by reference.</summary>
    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private AccountWriter NewWriter(string accountId) => new(accountId, Store, TimeProvider.System, NullLogger.Instance);

    private async Task<AccountWriter> OpenedAsync()
    {
        var writer = NewWriter(Guid.NewGuid().ToString("N"));
        await writer.RunAsync(Owner, null, opensAccount: true, CancellationToken.None,
            _ => ValueTask.FromResult(Account.Open(writer.AccountId, Owner, "Everyday", 100m, canGoNegative: false, writer.Now())));
        return writer;
    }

    private static Task<AccountUpdate> DepositAsync(AccountWriter writer, decimal amount, CommandOptions? options = null) =>
        writer.RunAsync(Owner, options, opensAccount: false, CancellationToken.None,
            account => ValueTask.FromResult(account!.Deposit(0, "deposit", amount, writer.Now())));

    private static Task<AccountUpdate> UndoAsync(AccountWriter writer) =>
        writer.RunAsync(Owner, null, opensAccount: false, CancellationToken.None,
            async account => account!.Undo(await writer.NewestTransactionAsync(account, CancellationToken.None)));
}
