using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Households;

namespace NVelopes.Domain.Tests;

/// <summary>The account as the fold of its events: what each command records, and that replaying the log rebuilds it.</summary>
public sealed class EventLogTests
{
    [Fact]
    public void EveryCommand_RecordsItsEvent_WithTheNextVersion()
    {
        var ledger = AnAccount.Opened(100m).BuildLedger();
        ledger.Apply(a => a.AddEnvelopes(["Shopping", "Rent"]));
        ledger.Apply(a => a.RenameEnvelope(1, "Food"));
        ledger.Apply(a => a.AddPaymentSource("Acme", 500m, [new Split(2, 300m)]));
        ledger.Apply(a => a.UpdatePaymentSource(0, "Acme Ltd", 600m, [new Split(2, 350m)]));
        ledger.Apply(a => a.Deposit(1, "gift", 10m, TestClock.Now));
        ledger.Apply(a => a.Debit(1, "shop", 5m, TestClock.Now));
        ledger.Apply(a => a.WithdrawCash(0, "cash", 5m, TestClock.Now));
        ledger.Apply(a => a.Move(0, 1, "budget", 20m, TestClock.Now));
        ledger.Apply(a => a.Pay(0, null, 600m, "pay day", null, TestClock.Now));
        ledger.Undo();
        ledger.Redo();
        ledger.Apply(a => a.AddSchedule(Schedules.Debit(1, 1m, "FREQ=DAILY", "2025-03-14"), TestClock.Now));
        ledger.Apply(a => a.ChangeSchedule(1, Schedules.Debit(1, 2m, "FREQ=DAILY", "2025-03-14"), TestClock.Now));
        ledger.Apply(a => a.ApplyOccurrence(a.NextDueOccurrence(TestClock.Now)!));
        ledger.Apply(a => a.AddSchedule(Schedules.Fill("FREQ=DAILY", "2025-03-14", new Split(1, 1_000m)), TestClock.Now));
        ledger.Apply(a => a.ApplyOccurrence(a.NextDueOccurrence(TestClock.Now)!));
        ledger.Apply(a => a.RemoveSchedule(2));
        ledger.Apply(a => a.Invite("inv-1", "sam", MemberRole.Editor, AnAccount.OwnerId, inviteeIsMember: false, TestClock.Now));
        ledger.Apply(a => a.WithdrawInvitation("inv-1"));
        ledger.Apply(a => a.Invite("inv-2", "sam", MemberRole.Editor, AnAccount.OwnerId, inviteeIsMember: false, TestClock.Now));
        ledger.Apply(a => a.DeclineInvitation("inv-2", "sam"));
        ledger.Apply(a => a.Invite("inv-3", "sam", MemberRole.Editor, AnAccount.OwnerId, inviteeIsMember: false, TestClock.Now));
        ledger.Apply(a => a.Join("inv-3", "sam", "user-sam"));
        ledger.Apply(a => a.ChangeRole("user-sam", "sam", MemberRole.Viewer));
        ledger.Apply(a => a.RemoveMember("user-sam", "sam"));
        ledger.Apply(a => a.Close());

        Assert.Equal(
            ["account_opened", "envelopes_added", "envelope_renamed", "payment_source_added", "payment_source_updated", "deposited",
             "debited", "cash_withdrawn", "money_moved", "paid", "undone", "redone", "schedule_added", "schedule_changed",
             "scheduled_applied", "schedule_added", "scheduled_failed", "schedule_removed",
             "member_invited", "invitation_withdrawn", "member_invited", "invitation_declined", "member_invited", "member_joined",
             "member_role_changed", "member_removed", "account_closed"],
            ledger.Events.Select(e => e.Kind));
        Assert.Equal(27, ledger.Account.Version);
        Assert.Equal(ChangeKinds.All.Order(), ledger.Events.Select(e => e.Kind).Distinct().Order()); // every kind
        var renamed = Assert.IsType<EnvelopeRenamed>(ledger.Events[2]);
        Assert.Equal((1, "Shopping", "Food"), (renamed.EnvelopeId, renamed.OldName, renamed.NewName));
        var updated = Assert.IsType<PaymentSourceUpdated>(ledger.Events[4]);
        Assert.Equal(("Acme", "Acme Ltd"), (updated.Previous.Payer, updated.PaymentSource.Payer));
    }

    [Fact]
    public void FoldingTheLog_RebuildsTheAccount_VersionAndRedoChainIncluded()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping", "Rent").BuildLedger();
        ledger.Apply(a => a.AddPaymentSource("Acme", 500m, [new Split(2, 300m)]));
        ledger.Apply(a => a.Deposit(1, "gift", 10.10m, TestClock.Now));
        ledger.Apply(a => a.Pay(0, null, 500m, "pay day", [new Split(1, 0.01m)], TestClock.Now));
        ledger.Apply(a => a.Move(0, 2, "rent", 33.33m, TestClock.Now));
        ledger.Undo();
        ledger.Undo();
        ledger.Redo();
        ledger.Apply(a => a.RenameEnvelope(2, "Home"));

        var folded = ledger.Events.Skip(1).Aggregate(Account.Opened((AccountOpened)ledger.Events[0]), (account, e) => account.Apply(e));

        Assert.Equal(AccountState.Of(ledger.Account), AccountState.Of(folded));
        Assert.Equal(ledger.Account.Version, folded.Version);
        Assert.Equal(ledger.Account.RedoableUndos, folded.RedoableUndos);
        Assert.Equal([7L], folded.RedoableUndos); // the first undo (version 7) is still redoable; the second was redone
    }

    [Theory]
    [InlineData("deposit")]
    [InlineData("debit")]
    [InlineData("atm")]
    [InlineData("move")]
    [InlineData("pay")]
    [InlineData("pay with split")]
    public void EveryMoneyEvent_IsReversedExactly(string command)
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping", "Rent").WithMove(0, 1, 40m)
            .WithPaymentSource("Acme", 500.55m, new Split(1, 100.10m), new Split(2, 0.45m)).BuildLedger();
        var before = AccountState.Of(ledger.Account);
        var change = ledger.Apply(command switch
        {
            "deposit" => a => a.Deposit(2, "gift", 0.01m, TestClock.Now),
            "debit" => a => a.Debit(1, "shop", 39.99m, TestClock.Now),
            "atm" => a => a.WithdrawCash(0, "cash", 60m, TestClock.Now),
            "move" => a => a.Move(1, 2, "rent", 12.34m, TestClock.Now),
            "pay" => a => a.Pay(0, null, 500.55m, "pay day", null, TestClock.Now),
            _ => a => a.Pay(0, "Bonus", 1000m, "bonus", [new Split(2, 999.99m)], TestClock.Now),
        });
        Assert.IsAssignableFrom<MoneyEvent>(change.Event);
        Assert.NotEqual(before, AccountState.Of(ledger.Account));

        var reversed = ledger.Account.Reverse(change.Recorded!);

        Assert.Equal(before, AccountState.Of(reversed));
    }

    [Fact]
    public void Redo_AfterSeveralUndos_RestoresNewestUndoFirst_UntilTheHistoryIsBack()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping").BuildLedger();
        ledger.Apply(a => a.Deposit(1, "one", 1m, TestClock.Now));
        ledger.Apply(a => a.Deposit(1, "two", 2m, TestClock.Now));
        ledger.Apply(a => a.Deposit(1, "three", 3m, TestClock.Now));
        var whole = AccountState.Of(ledger.Account);
        var history = ledger.History.ToArray();

        for (var i = 0; i < 3; i++) ledger.Undo();
        Assert.Equal(100m, ledger.Account.Balance);

        var first = ledger.Redo();
        Assert.Equal("one", first.Recorded!.Description); // the last undo took "one" back, so redo restores it first
        ledger.Redo();
        var third = ledger.Redo();
        Assert.Equal("three", third.Recorded!.Description);

        Assert.Equal(whole, AccountState.Of(ledger.Account));
        Assert.Equal(history, ledger.History); // same ids, dates and amounts as before the undos
        Assert.Throws<DomainException>(() => ledger.Account.NextRedo());
    }

    [Fact]
    public void Redo_AfterANewTransaction_IsRefused()
    {
        var ledger = AnAccount.Opened(100m).BuildLedger();
        ledger.Apply(a => a.Deposit(0, "one", 1m, TestClock.Now));
        ledger.Undo();
        ledger.Apply(a => a.Debit(0, "new", 5m, TestClock.Now));

        var error = Assert.Throws<DomainException>(() => ledger.Account.NextRedo());

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Equal(Account.NothingToRedoMessage, error.Message);
        Assert.Empty(ledger.Account.RedoableUndos);
    }

    [Fact]
    public void Redo_AfterAChangeThatIsNoTransaction_StillWorks()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping").BuildLedger();
        ledger.Apply(a => a.Move(0, 1, "budget", 25m, TestClock.Now));
        ledger.Undo();
        ledger.Apply(a => a.RenameEnvelope(1, "Groceries"));
        ledger.Apply(a => a.AddEnvelopes(["Rent"]));

        var redone = ledger.Redo();

        Assert.IsType<Redone>(redone.Event);
        Assert.Equal([75m, 25m, 0m], ledger.Account.Balances());
        Assert.Equal("Shopping", redone.Recorded!.ToEnvelopeName); // as it was recorded, before the rename
    }

    [Fact]
    public void Redo_WithNothingUndone_IsRefused()
    {
        var account = AnAccount.Opened(100m).Build();

        var error = Assert.Throws<DomainException>(() => account.NextRedo());

        Assert.Equal(Account.NothingToRedoMessage, error.Message);
    }
}
