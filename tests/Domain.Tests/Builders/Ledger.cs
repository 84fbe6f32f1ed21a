using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests.Builders;

/// <summary>
/// An account together with its history, folded from each <see cref="AccountChange"/> the way the grain keeps
/// them: a recorded transaction is appended, a removed one is dropped. Undo needs the newest transaction.
/// </summary>
internal sealed class Ledger(Account account, IEnumerable<Transaction> history)
{
    private readonly List<Transaction> _history = [.. history];

    public Account Account { get; private set; } = account;

    public IReadOnlyList<Transaction> History => _history;

    public Transaction Newest => _history[^1];

    public AccountChange Apply(Func<Account, AccountChange> command)
    {
        var change = command(Account);
        if (change.Removed is { } removed)
        {
            Assert.Equal(Newest.Id, removed);
            _history.RemoveAt(_history.Count - 1);
        }
        if (change.Recorded is { } recorded) _history.Add(recorded);
        Account = change.After;
        return change;
    }

    public AccountChange Undo() => Apply(account => account.Undo(Newest));
}
