using System.Collections.Immutable;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Schedules;

namespace NVelopes.Grains.Domain;

/// <summary>
/// A bank account split into envelopes: the fold of its events. Immutable: every command checks its rules, then
/// returns the event it produced with the account after <see cref="Apply"/>ing it, or throws a
/// <see cref="DomainException"/> and leaves the account as it was. No clock, no I/O: the caller passes the time a
/// transaction is recorded.
/// </summary>
public sealed partial record Account
{
    public const int AvailableEnvelopeId = 0;
    public const string AvailableEnvelopeName = "Available";
    public const string PayTooSmallMessage = "Payment amount must equal or exceed the sum total of payment source envelopes";
    public const string UndoOpeningMessage = "Cannot undo opening transaction. Delete the account instead.";
    public const string NothingToRedoMessage =
        "Nothing to redo: redo applies again what undo took back, until a new transaction is recorded.";

    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string Name { get; init; }
    public required bool CanGoNegative { get; init; }
    public required decimal Balance { get; init; }
    public required ImmutableList<Envelope> Envelopes { get; init; }
    public required ImmutableList<PaymentSource> PaymentSources { get; init; }

    /// <summary>The id the next transaction gets; also the number of transactions in the history.</summary>
    public required long NextTransactionId { get; init; }

    public bool IsClosed { get; init; }

    /// <summary>How many events made this account: the version of the newest one (1 once opened).</summary>
    public long Version { get; init; }

    /// <summary>
    /// The versions of the <see cref="Undone"/> events a redo may take back, the newest last. Any new transaction
    /// empties it: redo only ever restores a history that nothing has been written on top of.
    /// </summary>
    public ImmutableList<long> RedoableUndos { get; init; } = [];

    /// <summary>The account's schedules (see Account.Schedules.cs), by ascending id.</summary>
    public ImmutableList<Schedule> Schedules { get; init; } = [];

    /// <summary>The id the newest schedule got; ids are never reused.</summary>
    public int LastScheduleId { get; init; }

    /// <summary>Opens an account: envelope 0 "Available" holds the opening balance, recorded as transaction 0.</summary>
    public static AccountChange Open(
        string id, string ownerId, string name, decimal openingBalance, bool canGoNegative, DateTimeOffset now)
    {
        var opening = Money.OpeningBalance(openingBalance);
        var transaction = new Transaction(Transaction.OpeningId, now, ownerId, id, TransactionKind.Deposit, AvailableEnvelopeId,
            AvailableEnvelopeName, ToEnvelopeId: null, ToEnvelopeName: null, Payer: null, Transaction.OpeningDescription, opening, opening, []);
        var opened = new AccountOpened(Text.Name(name, "name"), canGoNegative, transaction);
        return new AccountChange(Opened(opened), opened);
    }

    /// <summary>Refuses another account to an owner who already has <paramref name="openAccountsOfOwner"/> open, at the limit.</summary>
    public static void RequireRoomForAnotherAccount(int openAccountsOfOwner)
    {
        if (openAccountsOfOwner >= AccountLimits.OpenAccountsPerOwner)
            throw DomainException.Invalid(
                $"A user may have at most {AccountLimits.OpenAccountsPerOwner} open accounts; close one to open another.");
    }

    /// <summary>The account an <see cref="AccountOpened"/> event starts: the first step of every fold.</summary>
    public static Account Opened(AccountOpened opened)
    {
        var empty = new Account
        {
            Id = opened.Opening.AccountId,
            OwnerId = opened.Opening.OwnerId,
            Name = opened.Name,
            CanGoNegative = opened.CanGoNegative,
            Balance = 0,
            Envelopes = [new Envelope(AvailableEnvelopeId, AvailableEnvelopeName, 0)],
            PaymentSources = [],
            NextTransactionId = Transaction.OpeningId,
        };
        return empty.WithEffectOf(opened.Opening, sign: 1) with { NextTransactionId = opened.Opening.Id + 1, Version = 1 };
    }

    /// <summary>The account after <paramref name="recorded"/>: how every event changes the state, and the only way.</summary>
    public Account Apply(AccountEvent recorded)
    {
        var after = recorded switch
        {
            AccountOpened => throw new InvalidOperationException("An account is opened only once; start the fold with Account.Opened."),
            EnvelopesAdded added => this with { Envelopes = Envelopes.AddRange(added.Envelopes) },
            EnvelopeRenamed renamed => this with
            {
                Envelopes = Envelopes.SetItem(renamed.EnvelopeId, Envelopes[renamed.EnvelopeId] with { Name = renamed.NewName }),
            },
            PaymentSourceAdded added => this with { PaymentSources = PaymentSources.Add(added.PaymentSource) },
            PaymentSourceUpdated updated => this with
            {
                PaymentSources = PaymentSources.SetItem(updated.PaymentSource.Id, updated.PaymentSource),
            },
            ScheduleEvent scheduled => ApplySchedule(scheduled),
            ScheduledApplied applied => WithEffectOf(applied.Transaction, sign: 1) with
            {
                NextTransactionId = applied.Transaction.Id + 1,
                RedoableUndos = [],
                Schedules = Handled(applied.ScheduleId, applied.Date),
            },
            MoneyEvent money => WithEffectOf(money.Transaction, sign: 1) with
            {
                NextTransactionId = money.Transaction.Id + 1,
                RedoableUndos = [],
            },
            Undone undone => Reverse(undone.Transaction) with { RedoableUndos = RedoableUndos.Add(Version + 1) },
            Redone redone => WithEffectOf(redone.Transaction, sign: 1) with
            {
                NextTransactionId = redone.Transaction.Id + 1,
                RedoableUndos = RedoableUndos.RemoveAt(RedoableUndos.Count - 1),
            },
            AccountClosed => this with { IsClosed = true },
            Households.MembershipEvent membership => ApplyMembership(membership),
            _ => throw new InvalidOperationException($"Unknown event {recorded.GetType().Name}."),
        };
        return after with { Version = Version + 1 };
    }

    /// <summary>
    /// The account without <paramref name="newest"/>: its money movements taken back exactly and its id free for
    /// the next transaction. Names, envelopes and payment sources are left alone.
    /// </summary>
    public Account Reverse(Transaction newest) =>
        WithEffectOf(newest, sign: -1) with { NextTransactionId = newest.Id };

    public AccountChange AddEnvelopes(IEnumerable<string> names)
    {
        IReadOnlyCollection<string> added = names as IReadOnlyCollection<string> ?? [.. names];
        // Counted before any name is checked: the duplicate check compares every new name with every envelope.
        if (Envelopes.Count + added.Count > AccountLimits.EnvelopesPerAccount)
            throw DomainException.Invalid(
                $"An account holds at most {AccountLimits.EnvelopesPerAccount} envelopes, Available included; this one has " +
                $"{Envelopes.Count}, so at most {AccountLimits.EnvelopesPerAccount - Envelopes.Count} more can be added.");
        var envelopes = Envelopes;
        foreach (var raw in added)
        {
            var name = Text.Name(raw, "envelope name");
            RequireUniqueName(envelopes, name, exceptId: null);
            envelopes = envelopes.Add(new Envelope(envelopes.Count, name, 0));
        }
        if (envelopes.Count == Envelopes.Count) throw DomainException.Invalid("envelopes must name at least one envelope.");
        return Emit(new EnvelopesAdded([.. envelopes.Skip(Envelopes.Count)]));
    }

    public AccountChange RenameEnvelope(int envelopeId, string newName)
    {
        var name = Text.Name(newName, "new_name");
        var envelope = EnvelopeById(envelopeId);
        RequireUniqueName(Envelopes, name, exceptId: envelopeId);
        return Emit(new EnvelopeRenamed(envelopeId, envelope.Name, name));
    }

    public AccountChange AddPaymentSource(string payer, decimal amount, IEnumerable<Split> splits)
    {
        if (PaymentSources.Count >= AccountLimits.PaymentSourcesPerAccount)
            throw DomainException.Invalid($"An account holds at most {AccountLimits.PaymentSourcesPerAccount} payment sources.");
        return Emit(new PaymentSourceAdded(NewPaymentSource(PaymentSources.Count, payer, amount, splits)));
    }

    public AccountChange UpdatePaymentSource(int paymentSourceId, string payer, decimal amount, IEnumerable<Split> splits)
    {
        var previous = PaymentSourceById(paymentSourceId);
        return Emit(new PaymentSourceUpdated(NewPaymentSource(paymentSourceId, payer, amount, splits), previous));
    }

    public AccountChange Deposit(int envelopeId, string description, decimal amount, DateTimeOffset now)
    {
        var money = Money.Amount(amount);
        var envelope = EnvelopeById(envelopeId);
        return Record(TransactionKind.Deposit, now, envelope, to: null, payer: null, Text.Description(description), money, []);
    }

    public AccountChange Debit(int envelopeId, string description, decimal amount, DateTimeOffset now) =>
        TakeOut(TransactionKind.Debit, "debit", envelopeId, description, amount, now);

    public AccountChange WithdrawCash(int envelopeId, string description, decimal amount, DateTimeOffset now) =>
        TakeOut(TransactionKind.Atm, "withdraw", envelopeId, description, amount, now);

    public AccountChange Move(int fromId, int toId, string description, decimal amount, DateTimeOffset now)
    {
        var money = Money.Amount(amount);
        var source = EnvelopeById(fromId);
        var target = EnvelopeById(toId);
        if (fromId == toId) throw DomainException.Invalid("from_id and to_id must name two different envelopes.");
        if (source.Balance < money) throw DomainException.Invalid($"Not enough money in '{source.Name}' envelope");
        return Record(TransactionKind.Move, now, source, target, payer: null, Text.Description(description), money, []);
    }

    /// <summary>
    /// A pay day from a registered payment source. <paramref name="splits"/> null means the source's stored split;
    /// each envelope gets its share and the remainder goes to envelope 0.
    /// </summary>
    public AccountChange Pay(int paymentSourceId, string? payer, decimal amount, string description, IEnumerable<Split>? splits, DateTimeOffset now)
    {
        var source = PaymentSourceById(paymentSourceId);
        var money = Money.Amount(amount);
        var shares = splits is null ? source.Splits : ValidSplits(splits);
        if (shares.Sum(s => s.Amount) > money) throw DomainException.Invalid(PayTooSmallMessage);

        var payerName = string.IsNullOrWhiteSpace(payer) ? source.Payer : Text.Name(payer, "payer");
        return Record(TransactionKind.Pay, now, from: null, to: null, payerName, Text.Description(description), money, shares);
    }

    /// <summary>
    /// Undoes the newest transaction of the effective history (never the opening): an <see cref="Undone"/> event
    /// that reverses its money movements exactly and that a redo can take back.
    /// </summary>
    public AccountChange Undo(Transaction newest)
    {
        if (newest.Id != NextTransactionId - 1)
            throw new InvalidOperationException($"Undo needs transaction {NextTransactionId - 1}, was given {newest.Id}.");
        if (newest.Id == Transaction.OpeningId) throw DomainException.Invalid(UndoOpeningMessage);
        return Emit(new Undone(newest));
    }

    /// <summary>The version of the <see cref="Undone"/> event a redo takes back now; refused when there is none.</summary>
    public long NextRedo() => RedoableUndos.Count > 0 ? RedoableUndos[^1] : throw DomainException.Invalid(NothingToRedoMessage);

    /// <summary>Applies again the transaction that <paramref name="undone"/>, the event at <see cref="NextRedo"/>, took back.</summary>
    public AccountChange Redo(Undone undone)
    {
        var transaction = undone.Transaction;
        if (transaction.Id != NextTransactionId)
            throw new InvalidOperationException($"Redo needs transaction {NextTransactionId}, was given {transaction.Id}.");
        return Emit(new Redone(transaction));
    }

    public AccountChange Close() => Emit(new AccountClosed());

    public Envelope EnvelopeById(int envelopeId) =>
        envelopeId >= 0 && envelopeId < Envelopes.Count
            ? Envelopes[envelopeId]
            : throw DomainException.NotFound($"No envelope exists with id: {envelopeId}");

    public PaymentSource PaymentSourceById(int paymentSourceId) =>
        paymentSourceId >= 0 && paymentSourceId < PaymentSources.Count
            ? PaymentSources[paymentSourceId]
            : throw DomainException.NotFound($"No payment source exists with id: {paymentSourceId}");

    private AccountChange TakeOut(TransactionKind kind, string verb, int envelopeId, string description, decimal amount, DateTimeOffset now)
    {
        var money = Money.Amount(amount);
        var envelope = EnvelopeById(envelopeId);
        if (!CanGoNegative && envelope.Balance - money < 0)
            throw DomainException.Invalid(
                $"Cannot {verb} more than is available in '{envelope.Name}' when account is not allowed to go negative");
        return Record(kind, now, envelope, to: null, payer: null, Text.Description(description), -money, []);
    }

    /// <summary>Records a transaction with the names its envelopes have now, so it reads the same after a rename.</summary>
    private AccountChange Record(
        TransactionKind kind, DateTimeOffset now, Envelope? from, Envelope? to, string? payer, string description,
        decimal amount, ImmutableArray<Split> splits)
    {
        return Emit(MoneyEvent.Of(NewTransaction(kind, now, from, to, payer, description, amount, splits)));
    }

    private Transaction NewTransaction(
        TransactionKind kind, DateTimeOffset now, Envelope? from, Envelope? to, string? payer, string description,
        decimal amount, ImmutableArray<Split> splits)
    {
        var balance = Balance + (kind is TransactionKind.Move or TransactionKind.Fill ? 0 : amount);
        return new Transaction(NextTransactionId, now, OwnerId, Id, kind, from?.Id, from?.Name, to?.Id, to?.Name,
            payer, description, amount, balance, splits);
    }

    private AccountChange Emit(AccountEvent produced) => new(Apply(produced), produced);

    /// <summary>
    /// The account with <paramref name="transaction"/>'s money movements added (<paramref name="sign"/> 1) or taken
    /// away (-1). Debits and cash withdrawals carry negative amounts, so one rule per kind serves both directions.
    /// </summary>
    private Account WithEffectOf(Transaction transaction, int sign)
    {
        var envelopes = Envelopes;
        void Adjust(int envelopeId, decimal delta) =>
            envelopes = envelopes.SetItem(envelopeId, envelopes[envelopeId] with { Balance = envelopes[envelopeId].Balance + sign * delta });

        var balanceChange = transaction.Amount;
        switch (transaction.Kind)
        {
            case TransactionKind.Deposit or TransactionKind.Debit or TransactionKind.Atm:
                Adjust(transaction.EnvelopeId!.Value, transaction.Amount);
                break;
            case TransactionKind.Move:
                Adjust(transaction.EnvelopeId!.Value, -transaction.Amount);
                Adjust(transaction.ToEnvelopeId!.Value, transaction.Amount);
                balanceChange = 0;
                break;
            case TransactionKind.Fill:
                Adjust(AvailableEnvelopeId, -transaction.Amount);
                foreach (var share in transaction.PaySplits) Adjust(share.EnvelopeId, share.Amount);
                balanceChange = 0;
                break;
            case TransactionKind.Pay:
                foreach (var share in transaction.PaySplits) Adjust(share.EnvelopeId, share.Amount);
                Adjust(AvailableEnvelopeId, transaction.Amount - transaction.PaySplits.Sum(s => s.Amount));
                break;
            default:
                throw new InvalidOperationException($"Unknown transaction kind {transaction.Kind}.");
        }
        return this with { Envelopes = envelopes, Balance = Balance + sign * balanceChange };
    }

    private PaymentSource NewPaymentSource(int id, string payer, decimal amount, IEnumerable<Split> splits)
    {
        var name = Text.Name(payer, "payer");
        var money = Money.Amount(amount);
        var shares = ValidSplits(splits);
        if (shares.Sum(s => s.Amount) > money)
            throw DomainException.Invalid("The payment source's envelope amounts must not exceed its amount.");
        return new PaymentSource(id, name, money, shares);
    }

    private ImmutableArray<Split> ValidSplits(IEnumerable<Split> splits)
    {
        IReadOnlyCollection<Split> lines = splits as IReadOnlyCollection<Split> ?? [.. splits];
        if (lines.Count > AccountLimits.SplitsPerPayment)
            throw DomainException.Invalid(
                $"A payment is split over at most {AccountLimits.SplitsPerPayment} envelopes; this split has {lines.Count} lines.");
        var shares = ImmutableArray.CreateBuilder<Split>(lines.Count);
        foreach (var split in lines)
        {
            if (split.EnvelopeId < 0 || split.EnvelopeId >= Envelopes.Count)
                throw DomainException.NotFound("pay_source must only contain ids of existing account envelopes");
            if (shares.Any(s => s.EnvelopeId == split.EnvelopeId))
                throw DomainException.Invalid($"Envelope {split.EnvelopeId} appears more than once in the split.");
            shares.Add(split with { Amount = Money.Amount(split.Amount, "payment amount") });
        }
        return shares.ToImmutable();
    }

    private static void RequireUniqueName(ImmutableList<Envelope> envelopes, string name, int? exceptId)
    {
        if (envelopes.Any(e => e.Id != exceptId && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw DomainException.Conflict($"An envelope named '{name}' already exists.");
    }
}
