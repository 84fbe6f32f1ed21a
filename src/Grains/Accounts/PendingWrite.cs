using NVelopes.Grains.Domain;
using NVelopes.Grains.Storage;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// Commands applied in memory that wait for the same durable write. While one write is in flight, every command
/// that arrives joins the next one (group commit); each caller is answered once its own write is durable.
/// </summary>
internal sealed class PendingWrite(Account after)
{
    private readonly TaskCompletionSource<long> _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<Func<long, RememberedReply>>? _replies;

    public Account After { get; private set; } = after;

    /// <summary>The lowest history id this write changes; <see cref="long.MaxValue"/> while it changes none.</summary>
    public long FirstChangedTransactionId { get; private set; } = long.MaxValue;

    public int CommandCount { get; private set; }

    /// <summary>Completes with the version the write committed, or fails with why it did not.</summary>
    public Task<long> Durable => _durable.Task;

    public void Add(AccountChange change)
    {
        After = change.After;
        CommandCount++;
        if (change.Recorded is { } recorded) FirstChangedTransactionId = Math.Min(FirstChangedTransactionId, recorded.Id);
        if (change.Removed is { } removed) FirstChangedTransactionId = Math.Min(FirstChangedTransactionId, removed);
    }

    /// <summary>Keeps a command's answer with this write; it is made once the committed version is known.</summary>
    public void Remember(Func<long, RememberedReply> replyAtVersion) => (_replies ??= []).Add(replyAtVersion);

    /// <summary>The commit of this write on top of <paramref name="durable"/>, the account as the store holds it (null: not yet opened).</summary>
    public AccountCommit ToCommit(StoredAccount? durable, HistoryTail tail)
    {
        var expectedVersion = durable?.Version ?? 0;
        var first = Math.Min(FirstChangedTransactionId, After.NextTransactionId);
        var replies = _replies?.Select(reply => reply(expectedVersion + 1)).ToArray();
        return new AccountCommit(After, expectedVersion, first, tail.From(first), replies,
            StoredNextTransactionId: durable?.Account.NextTransactionId ?? 0);
    }

    public void Succeed(long version) => _durable.TrySetResult(version);

    public void Fail(Exception reason) => _durable.TrySetException(reason);
}
