using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Storage;
using NVelopes.Grains.Telemetry;
using Orleans.Concurrency;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// The only writer of one account. Commands are applied to the in-memory account strictly one at a time, in
/// arrival order (the apply gate), and every caller is answered only after the write holding its change is
/// durable. The grain is reentrant so that commands arriving while a write is in flight can be applied and
/// share the next write (group commit) instead of each waiting for a write of its own. Reads are served from the
/// last durable state, never from changes not yet confirmed by the store.
/// </summary>
[Reentrant]
internal sealed partial class AccountGrain(
    IAccountStore store, TimeProvider clock, NVelopesTelemetry telemetry, ILogger<AccountGrain> logger)
    : Grain, IAccountGrain
{
    private const int TailKeptAfterWrite = 8;

    private readonly SemaphoreSlim _applyGate = new(1, 1);
    private readonly HistoryTail _tail = new();

    // The account as every applied command left it, and the last state the store confirmed.
    private Account? _working;
    private StoredAccount? _durable;
    private bool _mustReload = true;

    private PendingWrite? _next;
    private Task _writer = Task.CompletedTask;

    private string AccountId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        telemetry.ActiveAccounts.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        telemetry.ActiveAccounts.Add(-1);
        return Task.CompletedTask;
    }

    public Task<AccountUpdate> OpenAsync(OpenAccount command, CancellationToken cancellationToken) =>
        ApplyAsync("open", ownerId: null, cancellationToken, _ =>
        {
            if (_working is not null) throw new NVelopesException(ErrorKind.Conflict, $"Account '{AccountId}' already exists.");
            return ValueTask.FromResult(Account.Open(
                AccountId, command.OwnerId, command.Name, command.OpeningBalance, command.CanGoNegative, clock.GetUtcNow()));
        });

    public async Task<AccountView> ViewAsync(ViewAccount query, CancellationToken cancellationToken)
    {
        var durable = await DurableOwnedAsync(query.OwnerId, cancellationToken);
        return durable.Account.ToView(durable.Version);
    }

    public async Task<ImmutableArray<TransactionView>> ReadHistoryAsync(ReadHistory query, CancellationToken cancellationToken)
    {
        if (query.Page < 0) throw new NVelopesException(ErrorKind.Invalid, "page must be 0 or more.");
        if (query.Size is < 1 or > 1000) throw new NVelopesException(ErrorKind.Invalid, "size must be between 1 and 1000.");
        var durable = await DurableOwnedAsync(query.OwnerId, cancellationToken);

        var fromId = (long)query.Page * query.Size;
        var count = (int)Math.Min(query.Size, durable.Account.NextTransactionId - fromId);
        if (count <= 0) return [];
        var transactions = await FromStoreAsync(() => store.ReadTransactionsAsync(AccountId, fromId, count, cancellationToken));
        return [.. transactions.Select(t => t.ToView())];
    }

    public Task<AccountUpdate> AddEnvelopesAsync(AddEnvelopes command, CancellationToken cancellationToken) =>
        ApplyAsync("add_envelopes", command.OwnerId, cancellationToken, account => ValueTask.FromResult(account.AddEnvelopes(command.Names)));

    public Task<AccountUpdate> RenameEnvelopeAsync(RenameEnvelope command, CancellationToken cancellationToken) =>
        ApplyAsync("rename_envelope", command.OwnerId, cancellationToken,
            account => ValueTask.FromResult(account.RenameEnvelope(command.EnvelopeId, command.NewName)));

    public Task<AccountUpdate> AddPaymentSourceAsync(AddPaymentSource command, CancellationToken cancellationToken) =>
        ApplyAsync("add_payment_source", command.OwnerId, cancellationToken,
            account => ValueTask.FromResult(account.AddPaymentSource(command.Payer, command.Amount, command.Split.ToSplits())));

    public Task<AccountUpdate> UpdatePaymentSourceAsync(UpdatePaymentSource command, CancellationToken cancellationToken) =>
        ApplyAsync("update_payment_source", command.OwnerId, cancellationToken, account => ValueTask.FromResult(
            account.UpdatePaymentSource(command.PaymentSourceId, command.Payer, command.Amount, command.Split.ToSplits())));

    public Task<AccountUpdate> RecordMovementAsync(RecordMovement command, CancellationToken cancellationToken) =>
        ApplyAsync(command.Kind.ToString().ToLowerInvariant(), command.OwnerId, cancellationToken, account =>
        {
            var now = clock.GetUtcNow();
            return ValueTask.FromResult(command.Kind switch
            {
                MovementKind.Deposit => account.Deposit(command.EnvelopeId, command.Description, command.Amount, now),
                MovementKind.Debit => account.Debit(command.EnvelopeId, command.Description, command.Amount, now),
                MovementKind.Atm => account.WithdrawCash(command.EnvelopeId, command.Description, command.Amount, now),
                _ => throw new NVelopesException(ErrorKind.Invalid, $"Unknown movement {command.Kind}."),
            });
        });

    public Task<AccountUpdate> MoveMoneyAsync(MoveMoney command, CancellationToken cancellationToken) =>
        ApplyAsync("move", command.OwnerId, cancellationToken, account => ValueTask.FromResult(account.Move(
            command.FromEnvelopeId, command.ToEnvelopeId, command.Description, command.Amount, clock.GetUtcNow())));

    public Task<AccountUpdate> PayAsync(Pay command, CancellationToken cancellationToken) =>
        ApplyAsync("pay", command.OwnerId, cancellationToken, account => ValueTask.FromResult(account.Pay(
            command.PaymentSourceId, command.Payer, command.Amount, command.Description,
            command.Split?.ToSplits(), clock.GetUtcNow())));

    public Task<AccountUpdate> UndoLastAsync(UndoLast command, CancellationToken cancellationToken) =>
        ApplyAsync("undo", command.OwnerId, cancellationToken,
            async account => account.Undo(await NewestTransactionAsync(account, cancellationToken)));

    public async Task CloseAsync(CloseAccount command, CancellationToken cancellationToken) =>
        await ApplyAsync("close", command.OwnerId, cancellationToken, account => ValueTask.FromResult(account.Close()));

    /// <summary>
    /// Applies one command under the apply gate, hands its change to the next write, and answers once that write
    /// is durable. A refused command changes nothing and is answered at once.
    /// </summary>
    private async Task<AccountUpdate> ApplyAsync(
        string operation, string? ownerId, CancellationToken cancellationToken, Func<Account, ValueTask<AccountChange>> command)
    {
        try
        {
            var update = await ApplyInOrderAsync(ownerId, cancellationToken, command);
            CountOperation(operation, "ok");
            return update;
        }
        catch (NVelopesException refused)
        {
            CountOperation(operation, refused.Kind == ErrorKind.Unavailable ? "unavailable" : "refused");
            throw;
        }
    }

    private async Task<AccountUpdate> ApplyInOrderAsync(
        string? ownerId, CancellationToken cancellationToken, Func<Account, ValueTask<AccountChange>> command)
    {
        AccountChange change;
        PendingWrite write;
        await _applyGate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            var account = ownerId is null ? _working! : Owned(_working, ownerId);
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                change = await command(account);
            }
            catch (DomainException refused)
            {
                throw refused.ToNVelopesException();
            }
            write = Stage(change);
        }
        finally
        {
            _applyGate.Release();
        }

        var version = await write.Durable;
        return new AccountUpdate(change.After.ToView(version), change.Recorded?.ToView());
    }

    private void CountOperation(string operation, string outcome) => telemetry.Operations.Add(1,
        new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    private PendingWrite Stage(AccountChange change)
    {
        if (change.Removed is not null) _tail.RemoveNewest();
        if (change.Recorded is { } recorded) _tail.Append(recorded);
        _working = change.After;

        var write = _next ??= new PendingWrite(change.After);
        write.Add(change);
        if (_writer.IsCompleted) _writer = WriteAllAsync();
        return write;
    }

    /// <summary>
    /// Writes pending changes one write at a time until none is left. When a write fails its outcome is unknown
    /// (the store may have applied it), so it and everything applied on top of it fail, and the next command
    /// reloads the account from the store.
    /// </summary>
    private async Task WriteAllAsync()
    {
        await Task.Yield(); // let the command that started the writer return to the gate first
        while (_next is { } write)
        {
            _next = null;
            var commit = write.ToCommit(_durable?.Version ?? 0, _tail);
            try
            {
                await store.CommitAsync(commit, CancellationToken.None);
            }
            catch (Exception failure)
            {
                LogWriteFailed(logger, failure, AccountId, commit.ExpectedVersion);
                var reason = failure as NVelopesException ?? StoreUnavailable();
                write.Fail(reason);
                _next?.Fail(reason);
                _next = null;
                _mustReload = true;
                return;
            }

            _durable = new StoredAccount(commit.Account, commit.NewVersion);
            telemetry.CommandsPerWrite.Record(write.CommandCount);
            if (_next is null) _tail.TrimTo(TailKeptAfterWrite);
            LogWriteCommitted(logger, AccountId, commit.NewVersion, write.CommandCount);
            write.Succeed(commit.NewVersion);
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (!_mustReload) return;
        var stored = await FromStoreAsync(() => store.LoadAsync(AccountId, cancellationToken));
        _durable = stored;
        _working = stored?.Account;
        _tail.Clear();
        _mustReload = false;
    }

    private async Task<StoredAccount> DurableOwnedAsync(string ownerId, CancellationToken cancellationToken)
    {
        if (_mustReload)
        {
            await _applyGate.WaitAsync(cancellationToken);
            try { await EnsureLoadedAsync(cancellationToken); }
            finally { _applyGate.Release(); }
        }
        Owned(_durable?.Account, ownerId);
        return _durable!;
    }

    /// <summary>The newest transaction, from the tail or, when undo has used the tail up, from the store.</summary>
    private async ValueTask<Transaction> NewestTransactionAsync(Account account, CancellationToken cancellationToken)
    {
        if (_tail.IsEmpty && account.NextTransactionId > 0)
        {
            // Ids below the next one are untouched by pending writes once the tail is empty, so the store has them.
            var fromId = Math.Max(0, account.NextTransactionId - TailKeptAfterWrite);
            var older = await FromStoreAsync(() => store.ReadTransactionsAsync(
                AccountId, fromId, (int)(account.NextTransactionId - fromId), cancellationToken));
            _tail.PrependOlder(older);
        }
        return _tail.Newest;
    }

    private Account Owned(Account? account, string ownerId) =>
        account is { IsClosed: false } && account.OwnerId == ownerId
            ? account
            : throw NVelopesException.AccountNotFound(AccountId);

    private async Task<T> FromStoreAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception failure) when (failure is not (NVelopesException or OperationCanceledException))
        {
            LogReadFailed(logger, failure, AccountId);
            throw StoreUnavailable();
        }
    }

    private static NVelopesException StoreUnavailable() =>
        new(ErrorKind.Unavailable, "The account store is unavailable right now; try again shortly.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write of account {AccountId} at version {ExpectedVersion} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string accountId, long expectedVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Account {AccountId} committed version {Version} for {CommandCount} commands")]
    private static partial void LogWriteCommitted(ILogger logger, string accountId, long version, int commandCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading account {AccountId} from the store failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string accountId);
}
