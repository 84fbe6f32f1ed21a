using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Domain.Households;

namespace NVelopes.Grains.Domain.Events;

/// <summary>
/// One fact of an account's life, immutable once recorded. An account is the fold of its events
/// (<see cref="Account.Apply"/>): the grain keeps them as the account's log, oldest first, and never deletes one;
/// an undo is an event of its own. The discriminator is the event's stable snake_case kind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AccountOpened), AccountOpened.KindName)]
[JsonDerivedType(typeof(EnvelopesAdded), EnvelopesAdded.KindName)]
[JsonDerivedType(typeof(EnvelopeRenamed), EnvelopeRenamed.KindName)]
[JsonDerivedType(typeof(PaymentSourceAdded), PaymentSourceAdded.KindName)]
[JsonDerivedType(typeof(PaymentSourceUpdated), PaymentSourceUpdated.KindName)]
[JsonDerivedType(typeof(Deposited), Deposited.KindName)]
[JsonDerivedType(typeof(Debited), Debited.KindName)]
[JsonDerivedType(typeof(CashWithdrawn), CashWithdrawn.KindName)]
[JsonDerivedType(typeof(MoneyMoved), MoneyMoved.KindName)]
[JsonDerivedType(typeof(Paid), Paid.KindName)]
[JsonDerivedType(typeof(Undone), Undone.KindName)]
[JsonDerivedType(typeof(Redone), Redone.KindName)]
[JsonDerivedType(typeof(AccountClosed), AccountClosed.KindName)]
[JsonDerivedType(typeof(ScheduleAdded), ScheduleAdded.KindName)]
[JsonDerivedType(typeof(ScheduleChanged), ScheduleChanged.KindName)]
[JsonDerivedType(typeof(ScheduleRemoved), ScheduleRemoved.KindName)]
[JsonDerivedType(typeof(ScheduledApplied), ScheduledApplied.KindName)]
[JsonDerivedType(typeof(ScheduledFailed), ScheduledFailed.KindName)]
[JsonDerivedType(typeof(MemberInvited), MemberInvited.KindName)]
[JsonDerivedType(typeof(InvitationWithdrawn), InvitationWithdrawn.KindName)]
[JsonDerivedType(typeof(InvitationDeclined), InvitationDeclined.KindName)]
[JsonDerivedType(typeof(MemberJoined), MemberJoined.KindName)]
[JsonDerivedType(typeof(MemberRoleChanged), MemberRoleChanged.KindName)]
[JsonDerivedType(typeof(MemberRemoved), MemberRemoved.KindName)]
public abstract record AccountEvent
{
    /// <summary>The stable snake_case name clients see as <c>kind</c> (<see cref="ChangeKinds"/>).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}

/// <summary>The account was opened; <see cref="Opening"/> is transaction 0, the opening balance into envelope 0.</summary>
public sealed record AccountOpened(string Name, bool CanGoNegative, Transaction Opening) : AccountEvent
{
    public const string KindName = ChangeKinds.AccountOpened;
    public override string Kind => KindName;
}

/// <summary>Envelopes were added, in order, each with balance 0.</summary>
public sealed record EnvelopesAdded(ImmutableArray<Envelope> Envelopes) : AccountEvent
{
    public const string KindName = ChangeKinds.EnvelopesAdded;
    public override string Kind => KindName;
}

public sealed record EnvelopeRenamed(int EnvelopeId, string OldName, string NewName) : AccountEvent
{
    public const string KindName = ChangeKinds.EnvelopeRenamed;
    public override string Kind => KindName;
}

public sealed record PaymentSourceAdded(PaymentSource PaymentSource) : AccountEvent
{
    public const string KindName = ChangeKinds.PaymentSourceAdded;
    public override string Kind => KindName;
}

/// <summary>A payment source was replaced; <see cref="Previous"/> keeps what it was, for the audit trail.</summary>
public sealed record PaymentSourceUpdated(PaymentSource PaymentSource, PaymentSource Previous) : AccountEvent
{
    public const string KindName = ChangeKinds.PaymentSourceUpdated;
    public override string Kind => KindName;
}

/// <summary>
/// An event that records a transaction and moves money. Applying it adds the transaction's effect to the
/// envelopes; <see cref="Account.Reverse"/> takes exactly that effect away again.
/// </summary>
public abstract record MoneyEvent(Transaction Transaction) : AccountEvent
{
    /// <summary>The money event that records <paramref name="transaction"/>, by its kind.</summary>
    public static MoneyEvent Of(Transaction transaction) => transaction.Kind switch
    {
        TransactionKind.Deposit => new Deposited(transaction),
        TransactionKind.Debit => new Debited(transaction),
        TransactionKind.Atm => new CashWithdrawn(transaction),
        TransactionKind.Move => new MoneyMoved(transaction),
        TransactionKind.Pay => new Paid(transaction),
        _ => throw new ArgumentOutOfRangeException(nameof(transaction), transaction.Kind, "Unknown transaction kind."),
    };
}

public sealed record Deposited(Transaction Transaction) : MoneyEvent(Transaction)
{
    public const string KindName = ChangeKinds.Deposited;
    public override string Kind => KindName;
}

public sealed record Debited(Transaction Transaction) : MoneyEvent(Transaction)
{
    public const string KindName = ChangeKinds.Debited;
    public override string Kind => KindName;
}

public sealed record CashWithdrawn(Transaction Transaction) : MoneyEvent(Transaction)
{
    public const string KindName = ChangeKinds.CashWithdrawn;
    public override string Kind => KindName;
}

public sealed record MoneyMoved(Transaction Transaction) : MoneyEvent(Transaction)
{
    public const string KindName = ChangeKinds.MoneyMoved;
    public override string Kind => KindName;
}

public sealed record Paid(Transaction Transaction) : MoneyEvent(Transaction)
{
    public const string KindName = ChangeKinds.Paid;
    public override string Kind => KindName;
}

/// <summary>The newest transaction was undone: its money effect reversed, it left the effective history.</summary>
public sealed record Undone(Transaction Transaction) : AccountEvent
{
    public const string KindName = ChangeKinds.Undone;
    public override string Kind => KindName;
}

/// <summary>The most recently undone transaction was applied again, with its id, date and amounts.</summary>
public sealed record Redone(Transaction Transaction) : AccountEvent
{
    public const string KindName = ChangeKinds.Redone;
    public override string Kind => KindName;
}

public sealed record AccountClosed : AccountEvent
{
    public const string KindName = ChangeKinds.AccountClosed;
    public override string Kind => KindName;
}
