using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// Commands applied in memory that wait for the same durable write. While one write is in flight, every command
/// that arrives joins the next one (group commit); each caller is answered once its own write is durable.
/// </summary>
internal sealed class PendingWrite(Account after)
{
    private readonly TaskCompletionSource<long> _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<RecordedEvent> _events = [];
    private List<RememberedReply>? _replies;

    public Account After { get; private set; } = after;

    /// <summary>The lowest history id this write changes; <see cref="long.MaxValue"/> while it changes none.</summary>
    public long FirstChangedTransactionId { get; private set; } = long.MaxValue;

    public int CommandCount => _events.Count;

    /// <summary>Completes with the version the write committed, or fails with why it did not.</summary>
    public Task<long> Durable => _durable.Task;

    public void Add(AccountChange change, RecordedEvent recorded)
    {
        After = change.After;
        _events.Add(recorded);
        if (change.Recorded is { } added) FirstChangedTransactionId = Math.Min(FirstChangedTransactionId, added.Id);
        if (change.Removed is { } removed) FirstChangedTransactionId = Math.Min(FirstChangedTransactionId, removed);
    }

    /// <summary>Keeps a command's answer with this write, so that it lands with the change it answers.</summary>
    public void Remember(RememberedReply reply) => (_replies ??= []).Add(reply);

    /// <summary>The commit of this write on top of <paramref name="durable"/>, the account as the store holds it (null: not yet opened).</summary>
    public AccountCommit ToCommit(StoredAccount? durable, HistoryTail tail)
    {
        var first = Math.Min(FirstChangedTransactionId, After.NextTransactionId);
        return new AccountCommit(After, durable?.Version ?? 0, first, tail.From(first), _events, _replies,
            StoredNextTransactionId: durable?.Account.NextTransactionId ?? 0);
    }

    public void Succeed(long version) => _durable.TrySetResult(version);

    public void Fail(Exception reason) => _durable.TrySetException(reason);
}
