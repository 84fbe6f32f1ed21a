using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;
using NVelopes.Grains.Telemetry;
using Orleans.Concurrency;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// The only writer of one account. Commands are applied to the in-memory account strictly one at a time, in
/// arrival order (the apply gate), and every caller is answered only after the write holding its change is
/// durable. The grain is reentrant so that commands arriving while a write is in flight can be applied and
/// share the next write (group commit) instead of each waiting for a write of its own. Reads are served from the
/// last durable state, never from changes not yet confirmed by the store. Every command produces one event of the
/// account's log; change feeds wait here for the next durable one, wherever in the cluster they were asked.
/// </summary>
[Reentrant]
internal sealed partial class AccountGrain(
    IAccountStore store, TimeProvider clock, NVelopesTelemetry telemetry, ILogger<AccountGrain> logger)
    : Grain, IAccountGrain
{
    private const int TailKeptAfterWrite = 8;
    private const int RecentRepliesKept = 128;
    private const int DurableEventsKept = 256;
    private const int MaxChangesPerRead = 1000;
    private static readonly TimeSpan ReplyRetention = TimeSpan.FromHours(24);

    private readonly SemaphoreSlim _applyGate = new(1, 1);
    private readonly HistoryTail _tail = new();
    private readonly EventWindow _events = new(DurableEventsKept);

    // Completed (and replaced) by every durable write, waking the change feeds waiting for it.
    private TaskCompletionSource _durableAdvanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The account as every applied command left it, and the last state the store confirmed.
    private Account? _working;
    private StoredAccount? _durable;
    private bool _mustReload = true;

    // The view of the durable state, built by the first read after each write and shared by the reads until the next.
    private AccountView? _durableView;

    private PendingWrite? _next;
    private Task _writer = Task.CompletedTask;

    // Answers of recent commands with idempotency keys, including those still waiting for their write, so that a
    // duplicate arriving meanwhile gets the same answer once it is known.
    private RecentReplies? _recentReplies;

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
        RunAsync("open", command.OwnerId, command.Options, opensAccount: true, cancellationToken, _ =>
            ValueTask.FromResult(Account.Open(
                AccountId, command.OwnerId, command.Name, command.OpeningBalance, command.CanGoNegative, Now())));

    public async Task<AccountView> ViewAsync(ViewAccount query, CancellationToken cancellationToken)
    {
        var durable = await DurableOwnedAsync(query.OwnerId, cancellationToken);
        // A version names one durable state, so the view of that version holds until the account moves past it.
        return _durableView is { } view && view.Version == durable.Version
            ? view
            : _durableView = durable.Account.ToView(durable.Version);
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
        ApplyAsync("add_envelopes", command.OwnerId, command.Options, cancellationToken,
            account => account.AddEnvelopes(command.Names));

    public Task<AccountUpdate> RenameEnvelopeAsync(RenameEnvelope command, CancellationToken cancellationToken) =>
        ApplyAsync("rename_envelope", command.OwnerId, command.Options, cancellationToken,
            account => account.RenameEnvelope(command.EnvelopeId, command.NewName));

    public Task<AccountUpdate> AddPaymentSourceAsync(AddPaymentSource command, CancellationToken cancellationToken) =>
        ApplyAsync("add_payment_source", command.OwnerId, command.Options, cancellationToken,
            account => account.AddPaymentSource(command.Payer, command.Amount, command.Split.ToSplits()));

    public Task<AccountUpdate> UpdatePaymentSourceAsync(UpdatePaymentSource command, CancellationToken cancellationToken) =>
        ApplyAsync("update_payment_source", command.OwnerId, command.Options, cancellationToken,
            account => account.UpdatePaymentSource(command.PaymentSourceId, command.Payer, command.Amount, command.Split.ToSplits()));

    public Task<AccountUpdate> RecordMovementAsync(RecordMovement command, CancellationToken cancellationToken) =>
        ApplyAsync(OperationOf(command.Kind), command.OwnerId, command.Options, cancellationToken,
            account => command.Kind switch
            {
                MovementKind.Deposit => account.Deposit(command.EnvelopeId, command.Description, command.Amount, Now()),
                MovementKind.Debit => account.Debit(command.EnvelopeId, command.Description, command.Amount, Now()),
                MovementKind.Atm => account.WithdrawCash(command.EnvelopeId, command.Description, command.Amount, Now()),
                _ => throw new NVelopesException(ErrorKind.Invalid, $"Unknown movement {command.Kind}."),
            });

    private static string OperationOf(MovementKind kind) => kind switch
    {
        MovementKind.Deposit => "deposit",
        MovementKind.Debit => "debit",
        MovementKind.Atm => "atm",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public Task<AccountUpdate> MoveMoneyAsync(MoveMoney command, CancellationToken cancellationToken) =>
        ApplyAsync("move", command.OwnerId, command.Options, cancellationToken, account => account.Move(
            command.FromEnvelopeId, command.ToEnvelopeId, command.Description, command.Amount, Now()));

    public Task<AccountUpdate> PayAsync(Pay command, CancellationToken cancellationToken) =>
        ApplyAsync("pay", command.OwnerId, command.Options, cancellationToken, account => account.Pay(
            command.PaymentSourceId, command.Payer, command.Amount, command.Description, command.Split?.ToSplits(), Now()));

    public Task<AccountUpdate> UndoLastAsync(UndoLast command, CancellationToken cancellationToken) =>
        RunAsync("undo", command.OwnerId, command.Options, opensAccount: false, cancellationToken,
            async account => account!.Undo(await NewestTransactionAsync(account!, cancellationToken)));

    public Task<AccountUpdate> RedoAsync(RedoLast command, CancellationToken cancellationToken) =>
        RunAsync("redo", command.OwnerId, command.Options, opensAccount: false, cancellationToken,
            async account => account!.Redo(await UndoAtAsync(account!.NextRedo(), cancellationToken)));

    public async Task<ChangePage> ReadChangesAsync(ReadChanges query, CancellationToken cancellationToken)
    {
        RequireChangeLimit(query.Limit);
        var durable = await DurableOwnedAsync(query.OwnerId, cancellationToken);
        return await ChangesAfterAsync(durable, query.Since, query.Limit, cancellationToken);
    }

    public async Task<ChangePage> WatchChangesAsync(WatchChanges query, CancellationToken cancellationToken)
    {
        RequireChangeLimit(query.Limit);
        var durable = await DurableOfOwnerAsync(query.OwnerId, cancellationToken);
        if (durable.Version <= query.Since)
        {
            if (durable.Account.IsClosed) throw NVelopesException.AccountNotFound(AccountId);
            var advanced = _durableAdvanced.Task;
            using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(advanced, Task.Delay(query.MaxWait, waitEnds.Token));
            await waitEnds.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            durable = await DurableOfOwnerAsync(query.OwnerId, cancellationToken);
        }
        return await ChangesAfterAsync(durable, query.Since, query.Limit, cancellationToken);
    }

    private static void RequireChangeLimit(int limit)
    {
        if (limit is < 1 or > MaxChangesPerRead)
            throw new NVelopesException(ErrorKind.Invalid, $"limit must be between 1 and {MaxChangesPerRead}.");
    }

    /// <summary>The durable events after <paramref name="since"/>, from the window while it holds them, else from the store.</summary>
    private async Task<ChangePage> ChangesAfterAsync(StoredAccount durable, long since, int limit, CancellationToken cancellationToken)
    {
        if (since < 0) throw new NVelopesException(ErrorKind.Invalid, "since must be 0 or more.");
        var after = Math.Min(since, durable.Version);
        var events = _events.DurableAfter(after, limit)
            ?? await FromStoreAsync(() => store.ReadEventsAsync(AccountId, after, (int)Math.Min(limit, durable.Version - after), cancellationToken));
        var last = events.Count > 0 ? events[^1].Version : after;
        return new ChangePage(durable.Version, [.. events.Select(e => e.ToView())], last < durable.Version);
    }

    /// <summary>The <see cref="Undone"/> event at <paramref name="version"/>, which a redo takes back.</summary>
    private async Task<Undone> UndoAtAsync(long version, CancellationToken cancellationToken)
    {
        var recorded = _events.Find(version)
            ?? (await FromStoreAsync(() => store.ReadEventsAsync(AccountId, version - 1, 1, cancellationToken))).SingleOrDefault();
        return recorded?.Event as Undone
            ?? throw new InvalidOperationException($"Account {AccountId}: the event at version {version} is not an undo.");
    }

    public async Task CloseAsync(CloseAccount command, CancellationToken cancellationToken) =>
        await ApplyAsync("close", command.OwnerId, command.Options, cancellationToken, account => account.Close());

    private Task<AccountUpdate> ApplyAsync(
        string operation, string ownerId, CommandOptions? options, CancellationToken cancellationToken,
        Func<Account, AccountChange> command) =>
        RunAsync(operation, ownerId, options, opensAccount: false, cancellationToken,
            account => ValueTask.FromResult(command(account!)));

    /// <summary>Runs one command and counts it by kind and outcome.</summary>
    private async Task<AccountUpdate> RunAsync(
        string operation, string ownerId, CommandOptions? options, bool opensAccount, CancellationToken cancellationToken,
        Func<Account?, ValueTask<AccountChange>> command)
    {
        try
        {
            var update = await ApplyInOrderAsync(ownerId, options ?? NoOptions, opensAccount, cancellationToken, command);
            CountOperation(operation, "ok");
            return update;
        }
        catch (NVelopesException refused)
        {
            CountOperation(operation, refused.Kind == ErrorKind.Unavailable ? "unavailable" : "refused");
            throw;
        }
    }

    private static readonly CommandOptions NoOptions = new();

    /// <summary>
    /// Applies one command under the apply gate, hands its change to the next write, and answers once that write
    /// is durable. A refused command changes nothing and is answered at once; a retry with a known idempotency
    /// key gets the first answer without being applied again.
    /// </summary>
    private async Task<AccountUpdate> ApplyInOrderAsync(
        string ownerId, CommandOptions options, bool opensAccount, CancellationToken cancellationToken,
        Func<Account?, ValueTask<AccountChange>> command)
    {
        Task<AccountUpdate> answer;
        await _applyGate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            // The remembered answer comes first: a retried close finds its answer although the account is now closed.
            // Keys are scoped to the caller, so nobody else's answer can be found this way.
            var replyKey = options.IdempotencyKey is { } key ? $"{ownerId}/{key}" : null;
            if (replyKey is not null && await FindAnswerAsync(replyKey, options.RequestFingerprint ?? "", cancellationToken) is { } known)
            {
                answer = known;
            }
            else
            {
                var account = opensAccount ? _working : Owned(_working, ownerId);
                if (opensAccount && _working is not null)
                    throw new NVelopesException(ErrorKind.Conflict, $"Account '{AccountId}' already exists.");
                RequireVersion(options.IfMatchVersion);
                cancellationToken.ThrowIfCancellationRequested();
                AccountChange change;
                try
                {
                    change = await command(account);
                }
                catch (DomainException refused)
                {
                    throw refused.ToNVelopesException();
                }
                var write = Stage(change, ownerId, options);
                answer = AnswerWhenDurableAsync(write, change);
                if (replyKey is not null) Remember(write, replyKey, options.RequestFingerprint ?? "", answer, change);
            }
        }
        finally
        {
            _applyGate.Release();
        }
        return await answer;
    }

    private static async Task<AccountUpdate> AnswerWhenDurableAsync(PendingWrite write, AccountChange change)
    {
        await write.Durable;
        return AnswerOf(change);
    }

    private static AccountUpdate AnswerOf(AccountChange change) =>
        new(change.After.ToView(change.After.Version), change.Answered?.ToView());

    /// <summary>The answer already given (or being given) under this key, from memory or from the store.</summary>
    private async Task<Task<AccountUpdate>?> FindAnswerAsync(string replyKey, string fingerprint, CancellationToken cancellationToken)
    {
        if (_recentReplies?.Find(replyKey) is { } recent)
        {
            RequireSameRequest(recent.Fingerprint, fingerprint);
            return recent.Answer;
        }
        var remembered = await FromStoreAsync(() => store.FindReplyAsync(AccountId, replyKey, clock.GetUtcNow(), cancellationToken));
        if (remembered is null) return null;
        RequireSameRequest(remembered.Fingerprint, fingerprint);
        return Task.FromResult(JsonSerializer.Deserialize<AccountUpdate>(remembered.Reply)!);
    }

    private void Remember(PendingWrite write, string replyKey, string fingerprint, Task<AccountUpdate> answer, AccountChange change)
    {
        var expiresAt = clock.GetUtcNow() + ReplyRetention;
        write.Remember(new RememberedReply(replyKey, fingerprint, JsonSerializer.Serialize(AnswerOf(change)), expiresAt));
        (_recentReplies ??= new RecentReplies(RecentRepliesKept)).Add(replyKey, fingerprint, answer);
    }

    private static void RequireSameRequest(string rememberedFingerprint, string fingerprint)
    {
        if (rememberedFingerprint != fingerprint)
            throw new NVelopesException(ErrorKind.Unprocessable,
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
    }

    /// <summary>Refuses the command unless the account is exactly at the version the caller last saw.</summary>
    private void RequireVersion(long? ifMatchVersion)
    {
        if (ifMatchVersion is not { } version) return;
        var unchanged = _durable is not null && ReferenceEquals(_working, _durable.Account);
        if (!unchanged || _durable!.Version != version)
            throw new NVelopesException(ErrorKind.PreconditionFailed,
                $"The account has changed since version {version}; read it again before changing it.");
    }

    private PendingWrite Stage(AccountChange change, string actor, CommandOptions options)
    {
        // A write failed while this command awaited the store inside the gate (an idempotency key's lookup, an undo's
        // read): the state it was applied to holds the failed write's changes, which must not land with it.
        if (_mustReload) throw NVelopesException.StoreUnavailable();
        if (change.Removed is not null) _tail.RemoveNewest();
        if (change.Recorded is { } recorded) _tail.Append(recorded);
        var logged = new RecordedEvent(change.After.Version, Now(), actor, options.IdempotencyKey is not null, change.Event);
        _events.Stage(logged);
        _working = change.After;

        var write = _next ??= new PendingWrite(change.After);
        write.Add(change, logged);
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
            var commit = write.ToCommit(_durable, _tail);
            try
            {
                await store.CommitAsync(commit, CancellationToken.None);
            }
            catch (Exception failure)
            {
                LogWriteFailed(logger, failure, AccountId, commit.ExpectedVersion);
                var reason = failure as NVelopesException ?? NVelopesException.StoreUnavailable();
                write.Fail(reason);
                _next?.Fail(reason);
                _next = null;
                _mustReload = true;
                _recentReplies?.Clear(); // the store knows which of them landed
                return;
            }

            _durable = new StoredAccount(commit.Account, commit.NewVersion);
            _events.MarkDurable(commit.NewVersion);
            telemetry.CommandsPerWrite.Record(write.CommandCount);
            if (_next is null) _tail.TrimTo(TailKeptAfterWrite);
            LogWriteCommitted(logger, AccountId, commit.NewVersion, write.CommandCount);
            write.Succeed(commit.NewVersion);
            var advanced = _durableAdvanced;
            _durableAdvanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            advanced.SetResult();
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (!_mustReload) return;
        var stored = await FromStoreAsync(() => store.LoadAsync(AccountId, cancellationToken));
        _durable = stored;
        _working = stored?.Account;
        _tail.Clear();
        _events.Reset(stored?.Version ?? 0);
        _mustReload = false;
    }

    private async Task<StoredAccount> DurableOwnedAsync(string ownerId, CancellationToken cancellationToken)
    {
        var durable = await DurableOfOwnerAsync(ownerId, cancellationToken);
        Owned(durable.Account, ownerId);
        return durable;
    }

    /// <summary>The durable account if <paramref name="ownerId"/> owns it, open or closed.</summary>
    private async Task<StoredAccount> DurableOfOwnerAsync(string ownerId, CancellationToken cancellationToken)
    {
        if (_mustReload)
        {
            await _applyGate.WaitAsync(cancellationToken);
            try { await EnsureLoadedAsync(cancellationToken); }
            finally { _applyGate.Release(); }
        }
        return _durable is { } durable && durable.Account.OwnerId == ownerId ? durable : throw NVelopesException.AccountNotFound(AccountId);
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

    /// <summary>Now, to the millisecond: the precision every store keeps, so a transaction reads back as it was answered.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private async Task<T> FromStoreAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception failure) when (failure is not (NVelopesException or OperationCanceledException))
        {
            LogReadFailed(logger, failure, AccountId);
            throw NVelopesException.StoreUnavailable();
        }
    }

    private void CountOperation(string operation, string outcome) => telemetry.Operations.Add(1,
        new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write of account {AccountId} at version {ExpectedVersion} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string accountId, long expectedVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Account {AccountId} committed version {Version} for {CommandCount} commands")]
    private static partial void LogWriteCommitted(ILogger logger, string accountId, long version, int commandCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading account {AccountId} from the store failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string accountId);
}
