using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Domain;

/// <summary>The outcome of one command: the event it produced and the account after it.</summary>
public sealed record AccountChange(Account After, AccountEvent Event)
{
    /// <summary>The transaction the event adds to the effective history, if any (a redo adds its transaction back).</summary>
    public Transaction? Recorded => Event switch
    {
        AccountOpened opened => opened.Opening,
        MoneyEvent money => money.Transaction,
        Redone redone => redone.Transaction,
        _ => null,
    };

    /// <summary>The id of the transaction the event takes out of the effective history (undo).</summary>
    public long? Removed => Event is Undone undone ? undone.Transaction.Id : null;

    /// <summary>
    /// The change with <paramref name="actor"/> as the member who recorded its new transaction, if it records one;
    /// a redo brings its transaction back as it was, with whoever recorded it first.
    /// </summary>
    public AccountChange RecordedBy(string actor) => Event switch
    {
        MoneyEvent money => this with { Event = money with { Transaction = money.Transaction with { Actor = actor } } },
        AccountOpened opened => this with { Event = opened with { Opening = opened.Opening with { Actor = actor } } },
        _ => this,
    };

    /// <summary>The transaction the command's answer reports: the one recorded, redone or undone.</summary>
    public Transaction? Answered => Recorded ?? (Event as Undone)?.Transaction;
}
