using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Import;
using NVelopes.Grains.Domain.Households;
using NVelopes.Grains.Storage;
using Orleans.Storage;

namespace NVelopes.Persistence.Tests.Accounts;

/// <summary>
/// The behaviour every <see cref="IAccountStore"/> adapter must show, run once per adapter by its subclass. Each
/// test works on fresh account and owner ids, so tests never see each other's data.
/// </summary>
public abstract class AccountStoreContractTests
{
    /// <summary>The store under test (skips the test when its back end is unavailable).</summary>
    protected abstract IAccountStore Store { get; }

    /// <summary>
    /// A store over the same data as <see cref="Store"/> whose commits of <paramref name="accountId"/> fail with
    /// <see cref="SimulatedCrash"/> in their message after part of the commit is written, as if the process died
    /// mid-commit, until the result is disposed.
    /// </summary>
    protected abstract Task<FailingStore> StoreFailingMidCommitAsync(string accountId);

    /// <summary>What the fault of a failing store says, so that it cannot be mistaken for another failure.</summary>
    protected const string SimulatedCrash = "Simulated process death in the middle of a commit.";

    [SkippableFact]
    public async Task Load_AccountNeverOpened_ReturnsNull()
    {
        Assert.Null(await Store.LoadAsync(NewId(), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Open_ThenLoad_ReturnsExactStateAtVersionOne()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId(), "Everyday", openingBalance: 999_999_999.70m).CommitAsync(store);

        await StoreAssert.HoldsAsync(store, opened);
        Assert.Equal(1, opened.Version);
    }

    [SkippableFact]
    public async Task Commit_Cents_ComeBackExactly()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId(), openingBalance: 999_999_999.70m).CommitAsync(store);

        var after = await opened.Begin()
            .AddEnvelopes("Groceries", "Rent")
            .AddPaymentSource("Employer", 2500.55m, new Split(1, 100.10m), new Split(2, 0.01m))
            .Deposit(0.10m, envelopeId: 1)
            .Deposit(0.20m, envelopeId: 1)
            .Pay(0, 2500.55m)
            .Move(1, 2, 0.15m)
            .Debit(2500.55m)
            .CommitAsync(store);

        await StoreAssert.HoldsAsync(store, after);
        var stored = (await store.LoadAsync(after.Account.Id, CancellationToken.None))!.Account;
        Assert.Equal(1_000_000_000.00m, stored.Balance);
        Assert.Equal(0.30m + 100.10m - 0.15m, stored.Envelopes[1].Balance);
        Assert.Equal(0.16m, stored.Envelopes[2].Balance);
    }

    [SkippableFact]
    public async Task Commit_Schedules_ComeBackWithHowFarTheyHaveRun_AndTheirOccurrencesInTheLogAndHistory()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId(), openingBalance: 100m).CommitAsync(store);

        var after = await opened.Begin()
            .AddEnvelopes("Groceries", "Rent")
            .AddSchedule(new("fill", "FREQ=MONTHLY;BYMONTHDAY=-1", new DateOnly(2025, 1, 1), "Europe/Paris", "before", "fill", null, null, null,
                [new Split(1, 10.10m), new Split(2, 0.01m)]))
            .AddSchedule(new("debit", "FREQ=WEEKLY;BYDAY=FR", new DateOnly(2025, 3, 1), null, null, "gym", null, 2, 0.30m, []))
            .ApplyDueOccurrence()
            .ApplyDueOccurrence()
            .CommitAsync(store);

        await StoreAssert.HoldsAsync(store, after);
        var stored = (await store.LoadAsync(after.Account.Id, CancellationToken.None))!.Account;
        // The fills of 31 January and 28 February come before the first Friday of March.
        Assert.Equal([new DateOnly(2025, 2, 28), null], stored.Schedules.Select(s => s.HandledThrough));
        Assert.Equal([100m - 20.22m, 20.20m, 0.02m], stored.Envelopes.Select(e => e.Balance));
    }

    [SkippableFact]
    public async Task ReadTransactionsDated_ReturnsTheEffectiveHistoryInTheUtcRange_InIdOrder()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var february = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var march = february.AddMonths(1);
        var ledger = await opened.Begin()
            .DepositAt(february.AddSeconds(-1), 1m)                                   // 1: January
            .DepositAt(new DateTimeOffset(2025, 2, 1, 0, 30, 0, TimeSpan.FromHours(1)), 2m) // 2: 23:30 UTC on 31 January
            .DepositAt(february, 3m)                                                  // 3: the first instant of February
            .DepositAt(new DateTimeOffset(2025, 3, 1, 0, 59, 59, TimeSpan.FromHours(1)), 4m) // 4: 23:59:59 UTC on 28 February
            .DepositAt(march, 5m)                                                     // 5: March
            .DepositAt(february.AddDays(10), 6m)                                      // 6: February, then undone
            .Undo()
            .CommitAsync(store);

        var read = await ReadAllAsync(store.ReadTransactionsDatedAsync(ledger.Account.Id, february, march, CancellationToken.None));

        Assert.Equal([3L, 4L], read.Select(t => t.Id));
        Assert.Equal([3m, 4m], read.Select(t => t.Amount));
        Assert.Equal(ledger.History[3].Date, read[0].Date);
    }

    [SkippableFact]
    public async Task ReadTransactionsDated_MoreThanOneBatch_ReturnsEveryTransactionOnce()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var start = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var change = opened.Begin();
        for (var i = 0; i < 1_203; i++) change.DepositAt(start.AddMinutes(i), 0.01m);
        var ledger = await change.CommitAsync(store);

        var read = await ReadAllAsync(store.ReadTransactionsDatedAsync(ledger.Account.Id, start, start.AddMonths(1), CancellationToken.None));

        Assert.Equal(Enumerable.Range(1, 1_203).Select(i => (long)i), read.Select(t => t.Id));
    }

    private static async Task<List<Transaction>> ReadAllAsync(IAsyncEnumerable<Transaction> transactions)
    {
        var all = new List<Transaction>();
        await foreach (var transaction in transactions) all.Add(transaction);
        return all;
    }

    [SkippableFact]
    public async Task Commit_StaleVersion_ThrowsAndChangesNeitherStateNorHistory()
    {
        var store = Store;
        var previous = await Ledger.Open(NewId(), NewId()).Deposit(5m).CommitAsync(store);
        var current = await previous.Begin().Deposit(6m).CommitAsync(store);

        var stale = previous.Begin().Undo().Deposit(7m).Deposit(9m).Commit;
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(stale, CancellationToken.None));

        await StoreAssert.HoldsAsync(store, current);
    }

    [SkippableFact]
    public async Task Commit_AheadOfStoredVersion_Throws()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);

        var ahead = (opened with { Version = 5, Account = opened.Account with { Version = 5 } }).Begin().Deposit(1m).Commit;
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(ahead, CancellationToken.None));

        await StoreAssert.HoldsAsync(store, opened);
    }

    [SkippableFact]
    public async Task Commit_ToAccountNeverOpened_Throws()
    {
        var store = Store;
        var neverStored = Ledger.Open(NewId(), NewId()).After;

        var commit = neverStored.Begin().Deposit(1m).Commit;
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(commit, CancellationToken.None));

        Assert.Null(await store.LoadAsync(neverStored.Account.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Open_Twice_SecondThrowsAndFirstStays()
    {
        var store = Store;
        var accountId = NewId();
        var first = await Ledger.Open(accountId, NewId(), "First", 10m).CommitAsync(store);

        var second = Ledger.Open(accountId, NewId(), "Second", 20m).Commit;
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(second, CancellationToken.None));

        await StoreAssert.HoldsAsync(store, first);
    }

    [SkippableFact]
    public async Task AppendsAndUndos_LeaveHistoryExactlyIdsZeroToNextMinusOne()
    {
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var steps = new Func<Ledger.Change, Ledger.Change>[]
        {
            c => c.Deposit(1m),
            c => c.Deposit(2m).Deposit(3m),
            c => c.Undo(),
            c => c.Debit(4m),
            c => c.Undo().Undo(),
            c => c.Deposit(5m),
        };

        foreach (var step in steps)
        {
            ledger = await step(ledger.Begin()).CommitAsync(store);
            await StoreAssert.HoldsAsync(store, ledger);
        }

        Assert.Equal([0L, 1L, 2L], ledger.History.Select(t => t.Id));
        Assert.Equal(5m, ledger.History[2].Amount);
    }

    [SkippableFact]
    public async Task Commit_MixingUndoAndAppend_ReplacesHistoryFromFirstChangedId()
    {
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        ledger = await ledger.Begin().Deposit(10m).Deposit(20m).Deposit(30m).CommitAsync(store);

        ledger = await ledger.Begin().Undo().Undo().Deposit(40m).Undo().Deposit(50m).Deposit(60m).CommitAsync(store);

        await StoreAssert.HoldsAsync(store, ledger);
        Assert.Equal([100m, 10m, 50m, 60m], ledger.History.Select(t => t.Amount));
        Assert.Equal(220m, ledger.Account.Balance);
    }

    [SkippableFact]
    public async Task UndoAndRedo_AppendToTheLog_AndTheRedoChainIsDurable()
    {
        var store = Store;
        var deposited = await Ledger.Open(NewId(), NewId()).Deposit(1.10m).Deposit(2.20m).CommitAsync(store);
        var undone = await deposited.Begin().Undo().Undo().CommitAsync(store);
        var redone = await undone.Begin().Redo().CommitAsync(store);

        await StoreAssert.HoldsAsync(store, redone);
        var log = await store.ReadEventsAsync(redone.Account.Id, 0, 100, CancellationToken.None);
        Assert.Equal(["account_opened", "deposited", "deposited", "undone", "undone", "redone"], log.Select(e => e.Event.Kind));
        Assert.Equal([1L, 2, 3, 4, 5, 6], log.Select(e => e.Version));
        // The second undo (version 5) was redone; the first (version 4) can still be.
        var reloaded = (await store.LoadAsync(redone.Account.Id, CancellationToken.None))!;
        Assert.Equal([4L], reloaded.Account.RedoableUndos);
        Assert.Equal(101.10m, reloaded.Account.Balance);
    }

    [SkippableFact]
    public async Task ReadEvents_Range_ReturnsThoseVersionsOldestFirst()
    {
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).Deposit(1m).Deposit(2m).Deposit(3m).Deposit(4m).CommitAsync(store);

        var middle = await store.ReadEventsAsync(ledger.Account.Id, 2, 2, CancellationToken.None);
        Assert.Equal([3L, 4], middle.Select(e => e.Version));
        Assert.Equal([2m, 3m], middle.Select(e => ((MoneyEvent)e.Event).Transaction.Amount));
        Assert.Empty(await store.ReadEventsAsync(ledger.Account.Id, 5, 10, CancellationToken.None));
        Assert.Empty(await store.ReadEventsAsync(NewId(), 0, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ReadTransactions_Range_ReturnsThoseIdsOldestFirst()
    {
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var change = ledger.Begin();
        for (var i = 1; i <= 9; i++) change.Deposit(i);
        ledger = await change.CommitAsync(store);

        var page = await store.ReadTransactionsAsync(ledger.Account.Id, 3, 4, CancellationToken.None);

        StoreAssert.SameHistory(ledger.History.GetRange(3, 4), page);
    }

    [SkippableFact]
    public async Task ReadTransactions_PastTheEndOrEmptyPage_ReturnsNothing()
    {
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).Deposit(1m).CommitAsync(store);

        Assert.Empty(await store.ReadTransactionsAsync(ledger.Account.Id, 2, 10, CancellationToken.None));
        Assert.Empty(await store.ReadTransactionsAsync(ledger.Account.Id, 1_000, 10, CancellationToken.None));
        Assert.Empty(await store.ReadTransactionsAsync(ledger.Account.Id, 0, 0, CancellationToken.None));
        Assert.Empty(await store.ReadTransactionsAsync(NewId(), 0, 10, CancellationToken.None));
        StoreAssert.SameHistory(ledger.History.GetRange(1, 1), await store.ReadTransactionsAsync(ledger.Account.Id, 1, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ReadTransactions_DeepPagesOfALongHistory_ReturnExactRanges()
    {
        const int transactions = 3_000;
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var change = ledger.Begin();
        for (var i = 1; i < transactions; i++) change.Deposit(i % 100 + 0.01m);
        ledger = await change.CommitAsync(store);

        foreach (var from in new[] { 0, 1, 1_499, 2_950, 2_999 })
        {
            var page = await store.ReadTransactionsAsync(ledger.Account.Id, from, 50, CancellationToken.None);
            StoreAssert.SameHistory(ledger.History.GetRange(from, Math.Min(50, transactions - from)), page);
        }

        var all = new List<Transaction>();
        for (var from = 0; from < transactions; from += 500)
            all.AddRange(await store.ReadTransactionsAsync(ledger.Account.Id, from, 500, CancellationToken.None));
        StoreAssert.SameHistory(ledger.History, all);
    }

    [SkippableFact]
    public async Task ListAccounts_ReturnsOnlyTheOwnersOpenAccountsByNameThenId()
    {
        var store = Store;
        var owner = NewId();
        var savings = await Ledger.Open(NewId(), owner, "Savings", 300m).CommitAsync(store);
        var checkingA = await Ledger.Open(NewId(), owner, "Checking", 100m).CommitAsync(store);
        var checkingB = await Ledger.Open(NewId(), owner, "Checking", 200m).CommitAsync(store);
        var closed = await Ledger.Open(NewId(), owner, "Archive", 400m).CommitAsync(store);
        await closed.Begin().Close().CommitAsync(store);
        await Ledger.Open(NewId(), NewId(), "Someone else's", 500m).CommitAsync(store);

        var listed = await store.ListAccountsAsync(owner, CancellationToken.None);

        var expected = new[] { savings, checkingA, checkingB }
            .Select(l => new AccountSummary(l.Account.Id, l.Account.Name, l.Account.Balance))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.AccountId, StringComparer.Ordinal);
        Assert.Equal(expected, listed);
        Assert.Empty(await store.ListAccountsAsync(NewId(), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Household_MembersAndInvitations_ComeBackExactly_InTheSameCommitAsTheirEvents()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);

        var shared = await opened.Begin()
            .Invite("inv-1", "sam", MemberRole.Editor).Invite("inv-2", "pat", MemberRole.Viewer).Join("inv-1", "sam", "user-sam")
            .ChangeRole("user-sam", MemberRole.Owner).Invite("inv-3", "kim", MemberRole.Owner).DepositBy("user-sam", 2.50m)
            .CommitAsync(store);

        await StoreAssert.HoldsAsync(store, shared);
        var loaded = (await store.LoadAsync(shared.Account.Id, CancellationToken.None))!.Account;
        Assert.Equal(MemberRole.Owner, loaded.RoleOf("user-sam"));
        Assert.Equal(["inv-2", "inv-3"], loaded.Invitations.Select(i => i.Id));
        Assert.Equal(Ledger.Now, loaded.Invitations[0].At);
        var deposit = (await store.ReadTransactionsAsync(shared.Account.Id, 1, 1, CancellationToken.None)).Single();
        Assert.Equal("user-sam", deposit.Actor); // the history item names the member who recorded it
    }

    [SkippableFact]
    public async Task ListAccounts_GivesTheOpenersRole_AndNoneOnceTheyLeft()
    {
        var store = Store;
        var owner = NewId();
        var alone = await Ledger.Open(NewId(), owner, "Alone").CommitAsync(store);
        var demoted = await Ledger.Open(NewId(), owner, "Demoted")
            .Invite("inv-1", "sam", MemberRole.Owner).Join("inv-1", "sam", "user-sam").ChangeRole(owner, MemberRole.Viewer).CommitAsync(store);
        var left = await Ledger.Open(NewId(), owner, "Left")
            .Invite("inv-1", "sam", MemberRole.Owner).Join("inv-1", "sam", "user-sam").RemoveMember(owner).CommitAsync(store);

        var listed = await store.ListAccountsAsync(owner, CancellationToken.None);

        Assert.Equal(
            [(alone.Account.Id, (MemberRole?)MemberRole.Owner), (demoted.Account.Id, MemberRole.Viewer), (left.Account.Id, null)],
            listed.Select(s => (s.AccountId, s.OpenerRole)));
    }

    [SkippableFact]
    public async Task ParallelCommitters_WithTheSameExpectedVersion_ExactlyOneWins()
    {
        const int committers = 20;
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var changes = Enumerable.Range(1, committers).Select(i => opened.Begin().Deposit(i)).ToList();

        var outcomes = await Task.WhenAll(changes.Select(async change =>
        {
            try
            {
                await Task.Yield();
                await store.CommitAsync(change.Commit, CancellationToken.None);
                return (Change: change, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Change: change, Error: ex);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<InconsistentStateException>(o.Error));
        await StoreAssert.HoldsAsync(store, winner.Change.After);
    }

    [SkippableFact]
    public async Task ManyAccountsCommittingAtOnce_EachCommitGetsItsOwnOutcome()
    {
        const int accounts = 40;
        var store = Store;
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        var ledgers = await Task.WhenAll(Enumerable.Range(0, accounts).Select(_ =>
            Ledger.Open(NewId(), NewId()).Deposit(5m).Deposit(6m).CommitAsync(store)));
        var movedOn = await ledgers[0].Begin().Deposit(1m).CommitAsync(store);

        // Account 0 has moved on, account 1 exists already: both commits must be refused without touching anything.
        var stale = ledgers[0].Begin().Undo().Deposit(2m).Commit with { Replies = [new RememberedReply("owner/stale", "f", "{}", expires)] };
        var reopening = Ledger.Open(ledgers[1].Account.Id, NewId(), "Second", 20m).Commit;
        // The others land: appends, undos (which replace history) and openings, each with a reply to remember.
        var changes = ledgers.Skip(2).Select((ledger, i) => i % 3 == 0 ? ledger.Begin().Undo().Deposit(7m) : ledger.Begin().Deposit(i + 1))
            .Concat(Enumerable.Range(0, 5).Select(_ => Ledger.Open(NewId(), NewId(), "Opened together")))
            .ToList();
        var accepted = changes.Select(change => change.Commit with
        {
            Replies = [new RememberedReply($"owner/{change.After.Account.Id}", "f", "{}", expires)],
        }).ToList();

        var outcomes = await Task.WhenAll(accepted.Prepend(reopening).Prepend(stale).Select(async commit =>
        {
            await Task.Yield();
            try
            {
                await store.CommitAsync(commit, CancellationToken.None);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));

        Assert.IsType<InconsistentStateException>(outcomes[0]);
        Assert.IsType<InconsistentStateException>(outcomes[1]);
        Assert.All(outcomes.Skip(2), Assert.Null);
        await StoreAssert.HoldsAsync(store, movedOn);
        await StoreAssert.HoldsAsync(store, ledgers[1]);
        Assert.Null(await store.FindReplyAsync(movedOn.Account.Id, "owner/stale", DateTimeOffset.UtcNow, CancellationToken.None));
        foreach (var change in changes)
        {
            await StoreAssert.HoldsAsync(store, change.After);
            var accountId = change.After.Account.Id;
            Assert.NotNull(await store.FindReplyAsync(accountId, $"owner/{accountId}", DateTimeOffset.UtcNow, CancellationToken.None));
        }
    }

    [SkippableFact]
    public async Task Commit_DyingMidCommit_LeavesNothingVisible_AndTheSameVersionCommitsLater()
    {
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        ledger = await ledger.Begin().Deposit(10m).Deposit(20m).CommitAsync(store);

        var dying = ledger.Begin().Undo().Deposit(30m).Deposit(40m).Commit;
        await using (var failing = await StoreFailingMidCommitAsync(ledger.Account.Id))
        {
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => failing.Store.CommitAsync(dying, CancellationToken.None));
            Assert.Contains(SimulatedCrash, thrown.Message);
        }

        await StoreAssert.HoldsAsync(store, ledger);
        var retried = await ledger.Begin().Undo().Deposit(50m).CommitAsync(store);
        await StoreAssert.HoldsAsync(store, retried);
    }

    [SkippableFact]
    public async Task Replies_CommittedWithTheirCommit_AreFoundUntilTheyExpire()
    {
        var store = Store;
        var ledger = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var now = DateTimeOffset.UtcNow;
        var reply = new RememberedReply("owner/key-1", "fingerprint", "{\"answer\":1}", now.AddHours(24));

        await store.CommitAsync(ledger.Begin().Deposit(1m).Commit with { Replies = [reply] }, CancellationToken.None);

        Assert.Equal(reply, await store.FindReplyAsync(ledger.Account.Id, "owner/key-1", now, CancellationToken.None),
            new ReplyComparer());
        Assert.Null(await store.FindReplyAsync(ledger.Account.Id, "owner/key-1", now.AddHours(25), CancellationToken.None));
        Assert.Null(await store.FindReplyAsync(ledger.Account.Id, "owner/other-key", now, CancellationToken.None));
        Assert.Null(await store.FindReplyAsync(NewId(), "owner/key-1", now, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Replies_OfARefusedCommit_AreNotRemembered()
    {
        var store = Store;
        var previous = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        await previous.Begin().Deposit(2m).CommitAsync(store);
        var reply = new RememberedReply("owner/stale", "fingerprint", "{}", DateTimeOffset.UtcNow.AddHours(1));

        var stale = previous.Begin().Deposit(3m).Commit with { Replies = [reply] };
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(stale, CancellationToken.None));

        Assert.Null(await store.FindReplyAsync(previous.Account.Id, "owner/stale", DateTimeOffset.UtcNow, CancellationToken.None));
    }

    private static Statement StatementOf(params (string Date, decimal Amount, string Description)[] lines) =>
        new(StatementFormat.Csv, [.. lines.Select((l, i) => new StatementLine(i + 2, DateOnly.Parse(l.Date), l.Amount, l.Description))], []);

    private static readonly Statement ThreeLines = StatementOf(("2024-01-02", 10.00m, "refund"), ("2024-01-03", -2.50m, "coffee"), ("2024-01-03", -2.50m, "coffee"));

    [SkippableFact]
    public async Task Commit_ImportedLines_AreHeldByTheirIds_AndTheirTransactionsCarryThem()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        var ids = ImportIds.Of(ThreeLines.Lines);

        var after = await opened.Begin().Import(ThreeLines).CommitAsync(store);

        await StoreAssert.HoldsAsync(store, after);
        var held = await store.FindImportIdsAsync(after.Account.Id, [.. ids, "line:never-imported"], CancellationToken.None);
        Assert.Equal(ids.Order(), held.Order());
        var history = await store.ReadTransactionsAsync(after.Account.Id, 1, 3, CancellationToken.None);
        Assert.Equal(ids.Order(), history.Select(t => t.ImportId!).Order());
    }

    [SkippableFact]
    public async Task ImportIds_OfOneAccount_AreNotHeldByAnother()
    {
        var store = Store;
        var first = await Ledger.Open(NewId(), NewId()).Import(ThreeLines).CommitAsync(store);
        var other = await Ledger.Open(NewId(), first.Account.OwnerId).CommitAsync(store);

        Assert.Empty(await store.FindImportIdsAsync(other.Account.Id, ImportIds.Of(ThreeLines.Lines), CancellationToken.None));
    }

    [SkippableFact]
    public async Task ImportIds_StayHeldAfterAnUndo_AndARedoCommitsAgain()
    {
        var store = Store;
        var imported = await Ledger.Open(NewId(), NewId()).Import(ThreeLines).CommitAsync(store);

        var undone = await imported.Begin().Undo().CommitAsync(store);
        var redone = await undone.Begin().Redo().CommitAsync(store);

        await StoreAssert.HoldsAsync(store, redone);
        Assert.Equal(3, (await store.FindImportIdsAsync(redone.Account.Id, ImportIds.Of(ThreeLines.Lines), CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task StaleCommit_WithImportedLines_HoldsNoneOfTheirIds()
    {
        var store = Store;
        var opened = await Ledger.Open(NewId(), NewId()).CommitAsync(store);
        await opened.Begin().Deposit(1m).CommitAsync(store);

        var stale = opened.Begin().Import(ThreeLines).Commit;
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.CommitAsync(stale, CancellationToken.None));

        Assert.Empty(await store.FindImportIdsAsync(opened.Account.Id, ImportIds.Of(ThreeLines.Lines), CancellationToken.None));
    }

    [SkippableFact]
    public async Task ImportsOfManyAccountsAtOnce_AreEachHeldInFull()
    {
        var store = Store;
        var statement = StatementOf([.. Enumerable.Range(0, 1500).Select(i => ("2024-02-01", 1.00m + i, $"line {i}"))]);
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Ledger.Open(NewId(), NewId()).CommitAsync(store)));

        var imported = await Task.WhenAll(opened.Select(ledger => ledger.Begin().Import(statement).CommitAsync(store)));

        var ids = ImportIds.Of(statement.Lines);
        foreach (var ledger in imported)
        {
            await StoreAssert.HoldsAsync(store, ledger);
            Assert.Equal(ids.Length, (await store.FindImportIdsAsync(ledger.Account.Id, ids, CancellationToken.None)).Count);
        }
    }

    protected static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Replies compare equal when their expiry agrees to the millisecond, the precision stores keep.</summary>
    private sealed class ReplyComparer : IEqualityComparer<RememberedReply?>
    {
        public bool Equals(RememberedReply? x, RememberedReply? y) =>
            x is not null && y is not null && x.Key == y.Key && x.Fingerprint == y.Fingerprint && x.Reply == y.Reply
            && Math.Abs((x.ExpiresAt - y.ExpiresAt).TotalMilliseconds) < 1;

        public int GetHashCode(RememberedReply? obj) => obj?.Key.GetHashCode() ?? 0;
    }

    /// <summary>A store whose commits fail mid-way, and the end of that fault.</summary>
    protected sealed class FailingStore(IAccountStore store, Func<Task> endFault) : IAsyncDisposable
    {
        public IAccountStore Store => store;

        public async ValueTask DisposeAsync() => await endFault();
    }

    /// <summary>A fault thrown by test code in the middle of a commit.</summary>
    protected sealed class SimulatedCrashException() : Exception(SimulatedCrash);
}
