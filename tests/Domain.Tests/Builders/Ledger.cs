using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Domain.Tests.Builders;

/// <summary>
/// An account together with its history, folded from each <see cref="AccountChange"/> the way the grain keeps
/// them: a recorded transaction is appended, a removed one is dropped. Undo needs the newest transaction, redo the
/// undo it takes back, so the ledger keeps every event too.
/// </summary>
internal sealed class Ledger(Account account, IEnumerable<Transaction> history, IEnumerable<AccountEvent> events)
{
    private readonly List<Transaction> _history = [.. history];
    private readonly List<AccountEvent> _events = [.. events];

    public Account Account { get; private set; } = account;

    public IReadOnlyList<Transaction> History => _history;

    public Transaction Newest => _history[^1];

    /// <summary>Every event so far, oldest first: event i produced version i + 1.</summary>
    public IReadOnlyList<AccountEvent> Events => _events;

    public AccountChange Apply(Func<Account, AccountChange> command)
    {
        var change = command(Account);
        if (change.Removed is { } removed)
        {
            Assert.Equal(Newest.Id, removed);
            _history.RemoveAt(_history.Count - 1);
        }
        if (change.Recorded is { } recorded) _history.Add(recorded);
        Assert.Equal(Account.Version + 1, change.After.Version);
        _events.Add(change.Event);
        Account = change.After;
        return change;
    }

    public AccountChange Undo() => Apply(account => account.Undo(Newest));

    public AccountChange Redo() => Apply(account => account.Redo((Undone)_events[(int)account.NextRedo() - 1]));
}
