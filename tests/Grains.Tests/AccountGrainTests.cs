using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using Orleans.Runtime;

namespace NVelopes.Grains.Tests;

/// <summary>The account grain's guarantees, run against every store by the subclasses.</summary>
public abstract class AccountGrainTests(ClusterFixture fixture)
{
    private const string Owner = "owner-1";

    protected IClusterClient Client => fixture.Client;

    [SkippableFact]
    public async Task Deposits_ManyAtOnce_AreAllAppliedWithContiguousIds()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 10m);

        var deposits = Enumerable.Range(0, 200).Select(i => account.RecordMovementAsync(
            new RecordMovement(Owner, MovementKind.Deposit, 0, $"deposit {i}", 0.01m)));
        var updates = await Task.WhenAll(deposits);

        var view = await account.ViewAsync(new ViewAccount(Owner));
        Assert.Equal(12.00m, view.Balance);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), updates.Select(u => u.Transaction!.TxId).Order());
        var history = await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 1000));
        Assert.Equal(Enumerable.Range(0, 201).Select(i => (long)i), history.Select(t => t.TxId));
        Assert.Equal(view.Balance, history.Sum(t => t.Amount));
    }

    [SkippableFact]
    public async Task Account_AfterDeactivation_IsReloadedFromTheStore()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 100m);
        await account.AddEnvelopesAsync(new AddEnvelopes(Owner, ["Shopping", "Car"]));
        await account.MoveMoneyAsync(new MoveMoney(Owner, 0, 2, "fuel", 40m));
        await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Debit, 2, "petrol", 15.50m));
        var before = await account.ViewAsync(new ViewAccount(Owner));

        await DeactivateAsync(account);

        var after = await account.ViewAsync(new ViewAccount(Owner));
        Assert.Equal(before.Balance, after.Balance);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Envelopes.AsEnumerable(), after.Envelopes.AsEnumerable());
        var undone = await account.UndoLastAsync(new UndoLast(Owner));
        Assert.Equal(24.50m + 15.50m, undone.Account.Envelopes[2].Balance);
    }

    [SkippableFact]
    public async Task Undo_RepeatedAcrossReactivation_ReversesNewestFirstDownToTheOpening()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 50m);
        for (var i = 1; i <= 20; i++)
            await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Deposit, 0, $"d{i}", i));
        await DeactivateAsync(account);

        for (var i = 20; i >= 1; i--)
        {
            var undone = await account.UndoLastAsync(new UndoLast(Owner));
            Assert.Equal(50m + Enumerable.Range(1, i - 1).Sum(), undone.Account.Balance);
        }
        var refused = await Assert.ThrowsAsync<NVelopesException>(() => account.UndoLastAsync(new UndoLast(Owner)));
        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        var history = await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 100));
        Assert.Equal([0L], history.Select(t => t.TxId));
    }

    [SkippableFact]
    public async Task Commands_InterleavedWithUndos_KeepBalanceEqualToHistory()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 0m);
        var work = Enumerable.Range(0, 120).Select(i => i % 3 == 2
            ? Swallow(account.UndoLastAsync(new UndoLast(Owner)))
            : Swallow(account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Deposit, 0, "d", 1.25m))));
        await Task.WhenAll(work);

        var view = await account.ViewAsync(new ViewAccount(Owner));
        var history = await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 1000));
        Assert.Equal(Enumerable.Range(0, history.Length).Select(i => (long)i), history.Select(t => t.TxId));
        Assert.Equal(view.Balance, history.Sum(t => t.Amount));
        Assert.Equal(view.Envelopes[0].Balance, view.Balance);
    }

    [SkippableFact]
    public async Task RefusedCommand_ChangesNothing()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 20m, canGoNegative: false);
        var before = await account.ViewAsync(new ViewAccount(Owner));

        var refused = await Assert.ThrowsAsync<NVelopesException>(() => account.RecordMovementAsync(
            new RecordMovement(Owner, MovementKind.Debit, 0, "too much", 20.01m)));

        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        var after = await account.ViewAsync(new ViewAccount(Owner));
        Assert.Equal(before.Balance, after.Balance);
        Assert.Equal(before.Envelopes.AsEnumerable(), after.Envelopes.AsEnumerable());
        Assert.Equal(before.Version, after.Version);
        Assert.Single(await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 10)));
    }

    [SkippableFact]
    public async Task AnotherUsersAccount_LooksExactlyLikeAnUnknownOne()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 5m);
        var unknown = Client.GetGrain<IAccountGrain>(Guid.NewGuid().ToString("N"));

        var foreign = await Assert.ThrowsAsync<NVelopesException>(() => account.ViewAsync(new ViewAccount("someone-else")));
        var missing = await Assert.ThrowsAsync<NVelopesException>(() => unknown.ViewAsync(new ViewAccount(Owner)));
        var foreignDeposit = await Assert.ThrowsAsync<NVelopesException>(() => account.RecordMovementAsync(
            new RecordMovement("someone-else", MovementKind.Deposit, 0, "x", 1m)));

        Assert.All([foreign, missing, foreignDeposit], e => Assert.Equal(ErrorKind.NotFound, e.Kind));
        Assert.Equal(5m, (await account.ViewAsync(new ViewAccount(Owner))).Balance);
    }

    [SkippableFact]
    public async Task ClosedAccount_IsGoneForItsOwner()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 5m);
        await account.CloseAsync(new CloseAccount(Owner));
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var gone = await Assert.ThrowsAsync<NVelopesException>(() => account.ViewAsync(new ViewAccount(Owner)));
        Assert.Equal(ErrorKind.NotFound, gone.Kind);
    }

    [SkippableFact]
    public async Task UnknownAccount_Read_IsNotFound_AndLeavesNoActivation()
    {
        SkipWithoutStore();
        var unknown = Client.GetGrain<IAccountGrain>(Guid.NewGuid().ToString("N"));

        var missing = await Assert.ThrowsAsync<NVelopesException>(() => unknown.ViewAsync(new ViewAccount(Owner)));

        Assert.Equal(ErrorKind.NotFound, missing.Kind);
        Assert.True(await ActivationGoneAsync(unknown), "the grain of an account that does not exist stayed in memory");
    }

    [SkippableFact]
    public async Task ClosedAccount_LeavesNoActivation()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 5m);

        await account.CloseAsync(new CloseAccount(Owner));

        Assert.True(await ActivationGoneAsync(account), "the grain of a closed account stayed in memory");
    }

    [SkippableFact]
    public async Task UnknownAccount_OpenedWhileReadsMissIt_IsOpenedAndStaysReadable()
    {
        SkipWithoutStore();
        var account = Client.GetGrain<IAccountGrain>(Guid.NewGuid().ToString("N"));
        var reads = new List<Task<decimal?>>();
        Task<AccountUpdate>? opening = null;

        for (var i = 0; i < 40; i++)
        {
            if (i == 20) opening = account.OpenAsync(new OpenAccount(Owner, "Raced", 7m, CanGoNegative: true));
            reads.Add(BalanceOrMissingAsync(account));
        }
        var opened = await opening!;
        var balances = await Task.WhenAll(reads);

        Assert.Equal(7m, opened.Account.Balance);
        Assert.All(balances, balance => Assert.True(balance is null or 7m, $"a read saw {balance}"));
        var deposited = await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Deposit, 0, "after the race", 1m));
        Assert.Equal(8m, deposited.Account.Balance);
        Assert.Equal(8m, (await account.ViewAsync(new ViewAccount(Owner))).Balance);
    }

    [SkippableFact]
    public async Task Retry_WithTheSameIdempotencyKey_ReturnsTheFirstAnswerWithoutApplyingAgain()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 10m);
        var options = new CommandOptions(IdempotencyKey: "deposit-1", RequestFingerprint: "body-a");
        var deposit = new RecordMovement(Owner, MovementKind.Deposit, 0, "pay", 5m, options);

        var first = await account.RecordMovementAsync(deposit);
        var retry = await account.RecordMovementAsync(deposit);
        await DeactivateAsync(account);
        var retryAfterReactivation = await account.RecordMovementAsync(deposit);

        Assert.Equal(first.Transaction!.TxId, retry.Transaction!.TxId);
        Assert.Equal(first.Account.Version, retryAfterReactivation.Account.Version);
        Assert.Equal(first.Transaction.TxId, retryAfterReactivation.Transaction!.TxId);
        Assert.Equal(15m, (await account.ViewAsync(new ViewAccount(Owner))).Balance);
        Assert.Equal(2, (await account.ReadHistoryAsync(new ReadHistory(Owner, 0, 10))).Length);
    }

    [SkippableFact]
    public async Task Duplicates_ArrivingTogether_AreAppliedOnceAndAllGetTheSameAnswer()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 0m);
        var deposit = new RecordMovement(Owner, MovementKind.Deposit, 0, "pay", 1m, new CommandOptions(IdempotencyKey: "k", RequestFingerprint: "f"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => account.RecordMovementAsync(deposit)));

        Assert.Single(answers.Select(a => a.Transaction!.TxId).Distinct());
        Assert.Equal(1m, (await account.ViewAsync(new ViewAccount(Owner))).Balance);
    }

    [SkippableFact]
    public async Task SameIdempotencyKey_WithAnotherRequest_IsRefusedAsUnprocessable()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 0m);
        await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Deposit, 0, "a", 1m, new CommandOptions(IdempotencyKey: "k", RequestFingerprint: "a")));

        var refused = await Assert.ThrowsAsync<NVelopesException>(() => account.RecordMovementAsync(
            new RecordMovement(Owner, MovementKind.Deposit, 0, "b", 2m, new CommandOptions(IdempotencyKey: "k", RequestFingerprint: "b"))));

        Assert.Equal(ErrorKind.Unprocessable, refused.Kind);
        Assert.Equal(1m, (await account.ViewAsync(new ViewAccount(Owner))).Balance);
    }

    [SkippableFact]
    public async Task Close_RetriedWithItsIdempotencyKey_AnswersAsTheFirstTime()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 1m);
        var close = new CloseAccount(Owner, new CommandOptions(IdempotencyKey: "close-1", RequestFingerprint: "close"));

        await account.CloseAsync(close);
        await account.CloseAsync(close);

        var gone = await Assert.ThrowsAsync<NVelopesException>(() => account.CloseAsync(new CloseAccount(Owner)));
        Assert.Equal(ErrorKind.NotFound, gone.Kind);
    }

    [SkippableFact]
    public async Task IfMatch_WithAStaleVersion_IsRefusedAndChangesNothing()
    {
        SkipWithoutStore();
        var account = await OpenAsync(openingBalance: 10m);
        var seen = await account.ViewAsync(new ViewAccount(Owner));
        await account.RecordMovementAsync(new RecordMovement(Owner, MovementKind.Deposit, 0, "other device", 1m));

        var refused = await Assert.ThrowsAsync<NVelopesException>(() => account.RecordMovementAsync(
            new RecordMovement(Owner, MovementKind.Debit, 0, "stale view", 5m, new CommandOptions(IfMatchVersion: seen.Version))));
        var current = await account.ViewAsync(new ViewAccount(Owner));
        var accepted = await account.RecordMovementAsync(
            new RecordMovement(Owner, MovementKind.Debit, 0, "fresh view", 5m, new CommandOptions(IfMatchVersion: current.Version)));

        Assert.Equal(ErrorKind.PreconditionFailed, refused.Kind);
        Assert.Equal(11m, current.Balance);
        Assert.Equal(6m, accepted.Account.Balance);
    }

    private async Task<IAccountGrain> OpenAsync(decimal openingBalance, bool canGoNegative = true)
    {
        var account = Client.GetGrain<IAccountGrain>(Guid.NewGuid().ToString("N"));
        await account.OpenAsync(new OpenAccount(Owner, "Current", openingBalance, canGoNegative));
        return account;
    }

    private static async Task<decimal?> BalanceOrMissingAsync(IAccountGrain account)
    {
        try { return (await account.ViewAsync(new ViewAccount(Owner))).Balance; }
        catch (NVelopesException missing) when (missing.Kind == ErrorKind.NotFound) { return null; }
    }

    /// <summary>
    /// Collects <paramref name="account"/>'s activation and proves it happened, so the next call is served by a new
    /// activation that reloads the account from the store.
    /// </summary>
    private async Task DeactivateAsync(IAccountGrain account)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        Assert.NotNull(await management.GetActivationAddress(account));

        await management.ForceActivationCollection(TimeSpan.Zero);

        Assert.True(await ActivationGoneAsync(account), "the account grain was still active after collection");
    }

    /// <summary>
    /// Whether no silo of the cluster holds an activation of <paramref name="account"/> within a few seconds (the grain
    /// leaves a moment after its last call). Asked of every silo's catalog: the directory's answer may be stale.
    /// </summary>
    private async Task<bool> ActivationGoneAsync(IAccountGrain account)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        var grainId = account.GetGrainId();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await management.GetActiveGrains(grainId.Type)).Contains(grainId))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    private static async Task Swallow(Task command)
    {
        try { await command; }
        catch (NVelopesException refused) when (refused.Kind == ErrorKind.Invalid) { }
    }

    private void SkipWithoutStore() => Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteAccountGrainTests(SqliteClusterFixture fixture) : AccountGrainTests(fixture);

[Collection(MongoDbCluster.Name)]
public sealed class MongoDbAccountGrainTests(MongoDbClusterFixture fixture) : AccountGrainTests(fixture);
