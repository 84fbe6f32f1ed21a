using System.Collections.Immutable;

namespace NVelopes.Grains.Domain;

/// <summary>
/// A bank account split into envelopes. Immutable: every command returns the account after it (and what it
/// recorded) or throws a <see cref="DomainException"/> and leaves the account as it was. No clock, no I/O: the
/// caller passes the time a transaction is recorded.
/// </summary>
public sealed record Account
{
    public const int AvailableEnvelopeId = 0;
    public const string AvailableEnvelopeName = "Available";
    public const string PayTooSmallMessage = "Payment amount must equal or exceed the sum total of payment source envelopes";
    public const string UndoOpeningMessage = "Cannot undo opening transaction. Delete the account instead.";

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

    /// <summary>Opens an account: envelope 0 "Available" holds the opening balance, recorded as transaction 0.</summary>
    public static AccountChange Open(
        string id, string ownerId, string name, decimal openingBalance, bool canGoNegative, DateTimeOffset now)
    {
        var opening = Money.OpeningBalance(openingBalance);
        var account = new Account
        {
            Id = id,
            OwnerId = ownerId,
            Name = Text.Name(name, "name"),
            CanGoNegative = canGoNegative,
            Balance = 0,
            Envelopes = [new Envelope(AvailableEnvelopeId, AvailableEnvelopeName, 0)],
            PaymentSources = [],
            NextTransactionId = Transaction.OpeningId,
        };
        return account.Record(
            TransactionKind.Deposit, now, AvailableEnvelopeId, Transaction.NoEnvelope, AvailableEnvelopeName,
            Transaction.OpeningDescription, opening, account.Envelopes.SetItem(AvailableEnvelopeId, account.Envelopes[0] with { Balance = opening }),
            []);
    }

    public AccountChange AddEnvelopes(IEnumerable<string> names)
    {
        var envelopes = Envelopes;
        foreach (var raw in names)
        {
            var name = Text.Name(raw, "envelope name");
            RequireUniqueName(envelopes, name, exceptId: null);
            envelopes = envelopes.Add(new Envelope(envelopes.Count, name, 0));
        }
        if (envelopes.Count == Envelopes.Count) throw DomainException.Invalid("envelopes must name at least one envelope.");
        return new AccountChange(this with { Envelopes = envelopes });
    }

    public AccountChange RenameEnvelope(int envelopeId, string newName)
    {
        var name = Text.Name(newName, "new_name");
        var envelope = EnvelopeById(envelopeId);
        RequireUniqueName(Envelopes, name, exceptId: envelopeId);
        return new AccountChange(this with { Envelopes = Envelopes.SetItem(envelopeId, envelope with { Name = name }) });
    }

    public AccountChange AddPaymentSource(string payer, decimal amount, IEnumerable<Split> splits)
    {
        var source = NewPaymentSource(PaymentSources.Count, payer, amount, splits);
        return new AccountChange(this with { PaymentSources = PaymentSources.Add(source) });
    }

    public AccountChange UpdatePaymentSource(int paymentSourceId, string payer, decimal amount, IEnumerable<Split> splits)
    {
        PaymentSourceById(paymentSourceId);
        var source = NewPaymentSource(paymentSourceId, payer, amount, splits);
        return new AccountChange(this with { PaymentSources = PaymentSources.SetItem(paymentSourceId, source) });
    }

    public AccountChange Deposit(int envelopeId, string description, decimal amount, DateTimeOffset now)
    {
        var money = Money.Amount(amount);
        var envelope = EnvelopeById(envelopeId);
        return Record(TransactionKind.Deposit, now, envelopeId, Transaction.NoEnvelope, envelope.Name,
            Text.Description(description), money, Envelopes.SetItem(envelopeId, envelope with { Balance = envelope.Balance + money }), []);
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
        var envelopes = Envelopes
            .SetItem(fromId, source with { Balance = source.Balance - money })
            .SetItem(toId, target with { Balance = target.Balance + money });
        return Record(TransactionKind.Move, now, fromId, toId, $"{source.Name} -> {target.Name}",
            Text.Description(description), money, envelopes, [], balanceChange: 0);
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

        var envelopes = Envelopes;
        foreach (var share in shares)
            envelopes = envelopes.SetItem(share.EnvelopeId, envelopes[share.EnvelopeId] with { Balance = envelopes[share.EnvelopeId].Balance + share.Amount });
        var remainder = money - shares.Sum(s => s.Amount);
        envelopes = envelopes.SetItem(AvailableEnvelopeId, envelopes[AvailableEnvelopeId] with { Balance = envelopes[AvailableEnvelopeId].Balance + remainder });

        var payerName = string.IsNullOrWhiteSpace(payer) ? source.Payer : Text.Name(payer, "payer");
        return Record(TransactionKind.Pay, now, Transaction.NoEnvelope, Transaction.NoEnvelope, "",
            $"{payerName} - {Text.Description(description)}", money, envelopes, shares);
    }

    /// <summary>
    /// Removes the newest transaction and reverses its money movements exactly. Names, envelopes and payment
    /// sources are left alone; the removed id is given to the next transaction.
    /// </summary>
    public AccountChange Undo(Transaction newest)
    {
        if (newest.Id != NextTransactionId - 1)
            throw new InvalidOperationException($"Undo needs transaction {NextTransactionId - 1}, was given {newest.Id}.");
        if (newest.Id == Transaction.OpeningId) throw DomainException.Invalid(UndoOpeningMessage);

        var envelopes = Envelopes;
        void Adjust(int envelopeId, decimal delta) =>
            envelopes = envelopes.SetItem(envelopeId, envelopes[envelopeId] with { Balance = envelopes[envelopeId].Balance + delta });

        var balanceChange = -newest.Amount;
        switch (newest.Kind)
        {
            case TransactionKind.Deposit or TransactionKind.Debit or TransactionKind.Atm:
                Adjust(newest.EnvelopeIdSrc, -newest.Amount);
                break;
            case TransactionKind.Move:
                Adjust(newest.EnvelopeIdSrc, newest.Amount);
                Adjust(newest.EnvelopeIdDest, -newest.Amount);
                balanceChange = 0;
                break;
            case TransactionKind.Pay:
                foreach (var share in newest.PaySplits) Adjust(share.EnvelopeId, -share.Amount);
                Adjust(AvailableEnvelopeId, -(newest.Amount - newest.PaySplits.Sum(s => s.Amount)));
                break;
            default:
                throw new InvalidOperationException($"Unknown transaction kind {newest.Kind}.");
        }
        var after = this with { Envelopes = envelopes, Balance = Balance + balanceChange, NextTransactionId = newest.Id };
        return new AccountChange(after, Removed: newest.Id);
    }

    public AccountChange Close() => new(this with { IsClosed = true });

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
        return Record(kind, now, envelopeId, Transaction.NoEnvelope, envelope.Name, Text.Description(description), -money,
            Envelopes.SetItem(envelopeId, envelope with { Balance = envelope.Balance - money }), []);
    }

    private AccountChange Record(
        TransactionKind kind, DateTimeOffset now, int sourceId, int destinationId, string envelopeName, string description,
        decimal amount, ImmutableList<Envelope> envelopes, ImmutableArray<Split> splits, decimal? balanceChange = null)
    {
        var balance = Balance + (balanceChange ?? amount);
        var recorded = new Transaction(NextTransactionId, now, OwnerId, Id, sourceId, destinationId, envelopeName, kind,
            description, amount, balance, splits);
        var after = this with { Envelopes = envelopes, Balance = balance, NextTransactionId = NextTransactionId + 1 };
        return new AccountChange(after, recorded);
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
        var shares = ImmutableArray.CreateBuilder<Split>();
        foreach (var split in splits)
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
