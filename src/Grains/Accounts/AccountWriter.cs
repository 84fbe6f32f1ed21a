using System.Text.Json;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Households;
using NVelopes.Grains.Storage;
using NVelopes.Grains.Telemetry;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// The only writer of one account, without Orleans: it keeps the working state (every applied command) and the
/// durable state (the last one the store confirmed), applies commands strictly one at a time in arrival order
/// (the apply gate), hands their events to the next write, and answers each caller only once the write holding its
/// change is durable. Commands arriving while a write is in flight share the next write (group commit). Answers of
/// commands with an idempotency key are remembered with the write that applies them. Reads see the durable state
/// only, and change feeds wait here for the next durable event.
/// <para>
/// The account grain drives it from its single-threaded turns; the writer does not rely on that, so that it can be
/// tested on its own: the state its background write loop shares with the commands is guarded by one lock.
/// </para>
/// </summary>
public sealed partial class AccountWriter(
    string accountId, IAccountStore store, TimeProvider clock, ILogger logger, NVelopesTelemetry? telemetry = null)
{
    /// <summary>Events kept in memory once durable, so that feeds and redo rarely read the store.</summary>
    public const int DurableEventsKept = 256;

    private const int TailKeptAfterWrite = 8;
    private const int RecentRepliesKept = 128;
    private static readonly TimeSpan ReplyRetention = TimeSpan.FromHours(24);
    private static readonly CommandOptions NoOptions = new();

    private readonly SemaphoreSlim _applyGate = new(1, 1);
    private readonly object _state = new();
    private readonly HistoryTail _tail = new();
    private readonly EventWindow _events = new(DurableEventsKept);

    // Completed by the next durable write, waking the change feeds waiting for it; made only when a feed waits.
    private TaskCompletionSource? _durableAdvanced;

    // The account as every applied command left it, and the last state the store confirmed.
    private Account? _working;
    private StoredAccount? _durable;
    private bool _mustReload = true;

    private PendingWrite? _next;
    private bool _writing; // the write loop runs; set and cleared under the lock, so no staged write is left behind

    // Answers of recent commands with idempotency keys, including those still waiting for their write, so that a
    // duplicate arriving meanwhile gets the same answer once it is known.
    private RecentReplies? _recentReplies;

    public string AccountId => accountId;

    /// <summary>Whether an open account, or a write of one, is in memory: false after a load found none.</summary>
    public bool HoldsOpenAccount
    {
        get
        {
            lock (_state) return _working is { IsClosed: false } || _writing;
        }
    }

    /// <summary>
    /// Applies one command under the apply gate, hands its event to the next write, and answers once that write is
    /// durable. A refused command changes nothing and is answered at once; a retry with a known idempotency key gets
    /// the first answer without being applied again. <paramref name="opensAccount"/>: the command opens the account,
    /// so it is given no account and the account must not exist yet.
    /// </summary>
    public Task<AccountUpdate> RunAsync(
        string actor, CommandOptions? options, bool opensAccount, CancellationToken cancellationToken,
        Func<Account?, ValueTask<AccountChange>> command) =>
        RunAsync(actor, MemberRole.Editor, options, opensAccount, cancellationToken, command);

    /// <summary>
    /// As above, for a caller who must be a member holding at least <paramref name="needed"/>: anyone else is told
    /// the account does not exist, a member with a lesser role is refused naming the role needed. Null: the command
    /// checks the caller itself (an invitee, who is no member yet). Checked on the state every command is applied
    /// to, so a change of role or a removal holds from the very next command on.
    /// </summary>
    public async Task<AccountUpdate> RunAsync(
        string actor, MemberRole? needed, CommandOptions? options, bool opensAccount, CancellationToken cancellationToken,
        Func<Account?, ValueTask<AccountChange>> command)
    {
        options ??= NoOptions;
        Task<AccountUpdate> answer;
        await _applyGate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            if (!opensAccount) RequireMember(_working, actor, needed);
            // The remembered answer comes next: a retried close finds its answer although the account is now closed.
            // Keys are scoped to the caller and this account, so nobody else's answer can be found this way, and a key
            // used on another account is another operation (a retry names the same account).
            var replyKey = options.IdempotencyKey is { } key ? $"{actor}/{key}" : null;
            var fingerprint = options.RequestFingerprint ?? "";
            if (replyKey is not null && await FindAnswerAsync(replyKey, fingerprint, cancellationToken) is { } known)
            {
                // Not the remembered "opened": the account it reports is gone.
                if (opensAccount && _working is { IsClosed: true }) throw ClosedSinceOpened();
                answer = known;
            }
            else
            {
                if (opensAccount && _working is not null)
                    throw _working.IsClosed ? ClosedSinceOpened() : new NVelopesException(ErrorKind.Conflict, $"Account '{accountId}' already exists.");
                var account = opensAccount ? null : Open(_working);
                RequireVersion(options.IfMatchVersion);
                cancellationToken.ThrowIfCancellationRequested();
                AccountChange change;
                try
                {
                    change = (await command(account)).RecordedBy(actor);
                }
                catch (DomainException refused)
                {
                    throw refused.ToNVelopesException();
                }
                var reply = replyKey is null ? null
                    : new RememberedReply(replyKey, fingerprint, JsonSerializer.Serialize(AnswerOf(change)), clock.GetUtcNow() + ReplyRetention);
                var write = Stage(change, actor, reply);
                answer = AnswerWhenDurableAsync(write, change);
                if (reply is not null) RememberRecent(reply, answer);
            }
        }
        finally
        {
            _applyGate.Release();
        }
        return await answer;
    }

    /// <summary>The durable account if it is open and <paramref name="userId"/> holds at least <paramref name="needed"/> there.</summary>
    public async Task<StoredAccount> DurableOwnedAsync(
        string userId, CancellationToken cancellationToken, MemberRole needed = MemberRole.Viewer)
    {
        var durable = await DurableOfMemberAsync(userId, cancellationToken, needed);
        Open(durable.Account);
        return durable;
    }

    /// <summary>The durable account, open or closed, whoever asks: for an invitee's look at an invitation and the silo's own work (schedule ticks).</summary>
    public async Task<StoredAccount?> DurableAsync(CancellationToken cancellationToken)
    {
        await ReloadIfNeededAsync(cancellationToken);
        return _durable;
    }

    /// <summary>Up to <paramref name="count"/> transactions of the effective history from <paramref name="fromId"/>.</summary>
    public async Task<IReadOnlyList<Transaction>> ReadHistoryAsync(string ownerId, long fromId, int count, CancellationToken cancellationToken)
    {
        var durable = await DurableOwnedAsync(ownerId, cancellationToken);
        count = (int)Math.Min(count, durable.Account.NextTransactionId - fromId);
        if (count <= 0) return [];
        return await FromStoreAsync(() => store.ReadTransactionsAsync(accountId, fromId, count, cancellationToken));
    }

    /// <summary>The durable events after <paramref name="since"/>, at most <paramref name="limit"/>.</summary>
    public async Task<ChangePage> ReadChangesAsync(string ownerId, long since, int limit, CancellationToken cancellationToken)
    {
        RequireChangeRange(since, limit);
        var durable = await DurableOwnedAsync(ownerId, cancellationToken);
        return await ChangesAfterAsync(durable, since, limit, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="ReadChangesAsync"/>, but when nothing after <paramref name="since"/> is durable yet, first waits
    /// up to <paramref name="maxWait"/> for the next durable write. A closed account still answers the events up to
    /// its closing, so that a feed ends with it.
    /// </summary>
    public async Task<ChangePage> WatchChangesAsync(string ownerId, long since, int limit, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        RequireChangeRange(since, limit);
        var durable = await DurableOfMemberAsync(ownerId, cancellationToken);
        if (durable.Version <= since)
        {
            if (durable.Account.IsClosed) throw NVelopesException.AccountNotFound(accountId);
            Task advanced;
            lock (_state) advanced = (_durableAdvanced ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(advanced, Task.Delay(maxWait, waitEnds.Token));
            await waitEnds.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            durable = await DurableOfMemberAsync(ownerId, cancellationToken);
        }
        return await ChangesAfterAsync(durable, since, limit, cancellationToken);
    }

    /// <summary>How many accounts <paramref name="ownerId"/> has open, as the store knows them.</summary>
    public async Task<int> OpenAccountsOfAsync(string ownerId, CancellationToken cancellationToken) =>
        (await FromStoreAsync(() => store.ListAccountsAsync(ownerId, cancellationToken))).Count;

    /// <summary>The newest transaction, from the tail or, when undo has used the tail up, from the store.</summary>
    public async ValueTask<Transaction> NewestTransactionAsync(Account account, CancellationToken cancellationToken)
    {
        if (_tail.IsEmpty && account.NextTransactionId > 0)
        {
            // Ids below the next one are untouched by pending writes once the tail is empty, so the store has them.
            var fromId = Math.Max(0, account.NextTransactionId - TailKeptAfterWrite);
            var older = await FromStoreAsync(() => store.ReadTransactionsAsync(
                accountId, fromId, (int)(account.NextTransactionId - fromId), cancellationToken));
            lock (_state) _tail.PrependOlder(older);
        }
        lock (_state) return _tail.Newest;
    }

    /// <summary>The <see cref="Undone"/> event at <paramref name="version"/>, which a redo takes back.</summary>
    public async Task<Undone> UndoAtAsync(long version, CancellationToken cancellationToken)
    {
        RecordedEvent? recorded;
        lock (_state) recorded = _events.Find(version);
        recorded ??= (await FromStoreAsync(() => store.ReadEventsAsync(accountId, version - 1, 1, cancellationToken))).SingleOrDefault();
        return recorded?.Event as Undone
            ?? throw new InvalidOperationException($"Account {accountId}: the event at version {version} is not an undo.");
    }

    /// <summary>Now, to the millisecond: the precision every store keeps, so an event reads back as it was answered.</summary>
    public DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static void RequireChangeRange(long since, int limit)
    {
        if (since < 0) throw new NVelopesException(ErrorKind.Invalid, "since must be 0 or more.");
        if (limit is < 1 or > AccountLimits.ChangesPerRead)
            throw new NVelopesException(ErrorKind.Invalid, $"limit must be between 1 and {AccountLimits.ChangesPerRead}.");
    }

    /// <summary>The durable events after <paramref name="since"/>, from the window while it holds them, else from the store.</summary>
    private async Task<ChangePage> ChangesAfterAsync(StoredAccount durable, long since, int limit, CancellationToken cancellationToken)
    {
        var after = Math.Min(since, durable.Version);
        IReadOnlyList<RecordedEvent>? events;
        lock (_state) events = _events.DurableAfter(after, (int)Math.Min(limit, durable.Version - after));
        events ??= await FromStoreAsync(() => store.ReadEventsAsync(accountId, after, (int)Math.Min(limit, durable.Version - after), cancellationToken));
        var last = events.Count > 0 ? events[^1].Version : after;
        return new ChangePage(durable.Version, [.. events.Select(e => e.ToView())], last < durable.Version);
    }

    private static async Task<AccountUpdate> AnswerWhenDurableAsync(PendingWrite write, AccountChange change)
    {
        await write.Durable;
        return AnswerOf(change);
    }

    private static AccountUpdate AnswerOf(AccountChange change) =>
        new(change.After.ToView(change.After.Version), change.Answered?.ToView(),
            (change.Event as MemberInvited)?.Invitation.ToView(change.After));

    /// <summary>The answer already given (or being given) under this key, from memory or from the store.</summary>
    private async Task<Task<AccountUpdate>?> FindAnswerAsync(string replyKey, string fingerprint, CancellationToken cancellationToken)
    {
        RecentReply? recent;
        lock (_state) recent = _recentReplies?.Find(replyKey);
        if (recent is not null)
        {
            RequireSameRequest(recent.Fingerprint, fingerprint);
            return recent.Answer;
        }
        var remembered = await FromStoreAsync(() => store.FindReplyAsync(accountId, replyKey, clock.GetUtcNow(), cancellationToken));
        if (remembered is null) return null;
        RequireSameRequest(remembered.Fingerprint, fingerprint);
        return Task.FromResult(JsonSerializer.Deserialize<AccountUpdate>(remembered.Reply)!);
    }

    /// <summary>Keeps an answer in memory, so that a duplicate arriving while it is being written waits for it.</summary>
    private void RememberRecent(RememberedReply reply, Task<AccountUpdate> answer)
    {
        lock (_state) (_recentReplies ??= new RecentReplies(RecentRepliesKept)).Add(reply.Key, reply.Fingerprint, answer);
    }

    private NVelopesException ClosedSinceOpened() => new(ErrorKind.Conflict,
        $"Account '{accountId}', which this request opened, has since been closed; to open another, use a new Idempotency-Key.");

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

    /// <summary>
    /// Hands the change, its event and the answer to remember (a command with an idempotency key) to the next write,
    /// all at once: the write loop may take the write at any moment after.
    /// </summary>
    private PendingWrite Stage(AccountChange change, string actor, RememberedReply? reply) => Stage([change], actor, reply);

    /// <summary>Hands several changes to the next write at once, so that they land in one commit: all or none.</summary>
    private PendingWrite Stage(IReadOnlyList<AccountChange> changes, string actor, RememberedReply? reply)
    {
        lock (_state)
        {
            // A write failed while this command awaited the store inside the gate (an idempotency key's lookup, an
            // undo's read): the state it was applied to holds the failed write's changes, which must not land with it.
            if (_mustReload) throw NVelopesException.StoreUnavailable();
            var now = Now();
            var write = _next ??= new PendingWrite(changes[^1].After);
            foreach (var change in changes)
            {
                if (change.Removed is not null) _tail.RemoveNewest();
                if (change.Recorded is { } recorded)
                {
                    _tail.Append(recorded);
                    if (recorded.ImportId is { } importId) (_undurableImportIds ??= new HashSet<string>(StringComparer.Ordinal)).Add(importId);
                }
                var logged = new RecordedEvent(change.After.Version, now, actor, Idempotent: reply is not null, change.Event);
                _events.Stage(logged);
                _working = change.After;
                write.Add(change, logged);
            }
            if (reply is not null) write.Remember(reply);
            if (!_writing)
            {
                _writing = true;
                _ = WriteAllAsync();
            }
            return write;
        }
    }

    /// <summary>
    /// Writes pending changes one write at a time until none is left. When a write fails its outcome is unknown
    /// (the store may have applied it), so it and everything applied on top of it fail, and the next command
    /// reloads the account from the store.
    /// </summary>
    private async Task WriteAllAsync()
    {
        await Task.Yield(); // let the command that started the writer return to the gate first
        while (true)
        {
            PendingWrite write;
            AccountCommit commit;
            lock (_state)
            {
                if (_next is null)
                {
                    _writing = false;
                    return;
                }
                write = _next;
                _next = null;
                commit = write.ToCommit(_durable, _tail);
            }
            try
            {
                await store.CommitAsync(commit, CancellationToken.None);
            }
            catch (Exception failure)
            {
                LogWriteFailed(logger, failure, accountId, commit.ExpectedVersion);
                var reason = failure as NVelopesException ?? NVelopesException.StoreUnavailable();
                lock (_state)
                {
                    write.Fail(reason);
                    _next?.Fail(reason);
                    _next = null;
                    _mustReload = true;
                    _recentReplies?.Clear(); // the store knows which of them landed
                    _undurableImportIds = null; // and so it knows which lines it holds
                    _writing = false;
                }
                return;
            }

            TaskCompletionSource? advanced;
            lock (_state)
            {
                _durable = new StoredAccount(commit.Account, commit.NewVersion);
                _events.MarkDurable(commit.NewVersion);
                if (_undurableImportIds is not null) _undurableImportIds.ExceptWith(commit.NewImportIds);
                if (_next is null) _tail.TrimTo(TailKeptAfterWrite);
                advanced = _durableAdvanced;
                _durableAdvanced = null;
            }
            telemetry?.CommandsPerWrite.Record(write.CommandCount);
            LogWriteCommitted(logger, accountId, commit.NewVersion, write.CommandCount);
            write.Succeed(commit.NewVersion);
            advanced?.SetResult();
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (!_mustReload) return;
        var stored = await FromStoreAsync(() => store.LoadAsync(accountId, cancellationToken));
        lock (_state)
        {
            _durable = stored;
            _working = stored?.Account;
            _tail.Clear();
            _events.Reset(stored?.Version ?? 0);
            _mustReload = false;
        }
    }

    /// <summary>The durable account if <paramref name="userId"/> holds at least <paramref name="needed"/> there, open or closed.</summary>
    private async Task<StoredAccount> DurableOfMemberAsync(
        string userId, CancellationToken cancellationToken, MemberRole needed = MemberRole.Viewer)
    {
        await ReloadIfNeededAsync(cancellationToken);
        var durable = _durable;
        RequireMember(durable?.Account, userId, needed);
        return durable!;
    }

    private async Task ReloadIfNeededAsync(CancellationToken cancellationToken)
    {
        if (!_mustReload) return;
        await _applyGate.WaitAsync(cancellationToken);
        try { await EnsureLoadedAsync(cancellationToken); }
        finally { _applyGate.Release(); }
    }

    /// <summary>
    /// Refuses anyone but a member of <paramref name="account"/> as not found, exactly as an account that does not
    /// exist, and a member whose role is below <paramref name="needed"/> (null: no role needed) as forbidden.
    /// </summary>
    private void RequireMember(Account? account, string userId, MemberRole? needed)
    {
        if (account is null) throw NVelopesException.AccountNotFound(accountId);
        if (needed is not { } role) return;
        var held = account.RoleOf(userId) ?? throw NVelopesException.AccountNotFound(accountId);
        try
        {
            MemberRoles.Require(held, role);
        }
        catch (DomainException refused)
        {
            throw refused.ToNVelopesException();
        }
    }

    private Account Open(Account? account) =>
        account is { IsClosed: false } ? account : throw NVelopesException.AccountNotFound(accountId);

    private async Task<T> FromStoreAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception failure) when (failure is not (NVelopesException or OperationCanceledException))
        {
            LogReadFailed(logger, failure, accountId);
            throw NVelopesException.StoreUnavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write of account {AccountId} at version {ExpectedVersion} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string accountId, long expectedVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Account {AccountId} committed version {Version} for {CommandCount} commands")]
    private static partial void LogWriteCommitted(ILogger logger, string accountId, long version, int commandCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading account {AccountId} from the store failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string accountId);
}
