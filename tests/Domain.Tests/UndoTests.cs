using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class UndoTests
{
    [Fact]
    public void Undo_Debit_PutsTheMoneyBack()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping").WithMove(0, 1, 50m).BuildLedger();
        var before = AccountState.Of(ledger.Account);
        ledger.Apply(a => a.Debit(1, "Groceries", 20m, TestClock.Now));

        ledger.Undo();

        Assert.Equal(before, AccountState.Of(ledger.Account));
        Assert.Equal(new[] { 50m, 50m }, ledger.Account.Balances());
        Assert.Equal(100m, ledger.Account.Balance);
    }

    [Fact]
    public void Undo_Deposit_TakesTheMoneyOut()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping").BuildLedger();
        var before = AccountState.Of(ledger.Account);
        ledger.Apply(a => a.Deposit(1, "Gift", 25m, TestClock.Now));

        ledger.Undo();

        Assert.Equal(before, AccountState.Of(ledger.Account));
        Assert.Equal(new[] { 100m, 0m }, ledger.Account.Balances());
        Assert.Equal(100m, ledger.Account.Balance);
    }

    [Fact]
    public void Undo_Move_MovesTheMoneyBack()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping").BuildLedger();
        var before = AccountState.Of(ledger.Account);
        ledger.Apply(a => a.Move(0, 1, "Budget", 60m, TestClock.Now));

        ledger.Undo();

        Assert.Equal(before, AccountState.Of(ledger.Account));
        Assert.Equal(new[] { 100m, 0m }, ledger.Account.Balances());
    }

    [Fact]
    public void Undo_CashWithdrawal_PutsTheMoneyBack()
    {
        var ledger = AnAccount.Opened(100m).BuildLedger();
        ledger.Apply(a => a.WithdrawCash(0, "Cash point", 30m, TestClock.Now));

        ledger.Undo();

        Assert.Equal(new[] { 100m }, ledger.Account.Balances());
        Assert.Equal(100m, ledger.Account.Balance);
    }

    [Fact]
    public void Undo_DebitPastZero_RestoresTheExactBalance()
    {
        var ledger = AnAccount.Opened(0.3m).BuildLedger();
        ledger.Apply(a => a.Debit(0, "", 0.31m, TestClock.Now));

        ledger.Undo();

        Assert.Equal(0.3m, ledger.Account.EnvelopeById(0).Balance);
        Assert.Equal(0.3m, ledger.Account.Balance);
    }

    public static TheoryData<string> PaySplits => new() { "stored", "explicit", "empty" };

    [Theory]
    [MemberData(nameof(PaySplits))]
    public void Undo_Pay_RestoresEveryEnvelopeIncludingTheRemainderInAvailable(string split)
    {
        var ledger = AnAccount.Opened(10m).WithEnvelopes("Rent", "Food")
            .WithPaymentSource("ACME Ltd.", 1100m, new Split(1, 700m), new Split(2, 300m))
            .WithMove(0, 2, 4m)
            .BuildLedger();
        var before = AccountState.Of(ledger.Account);
        Split[]? splits = split switch
        {
            "stored" => null,
            "explicit" => [new Split(2, 999.99m)],
            _ => [],
        };
        ledger.Apply(a => a.Pay(0, "ACME Ltd.", 1100m, "Pay day!", splits, TestClock.Now));
        Assert.NotEqual(before, AccountState.Of(ledger.Account));

        ledger.Undo();

        Assert.Equal(before, AccountState.Of(ledger.Account));
        Assert.Equal(new[] { 6m, 0m, 4m }, ledger.Account.Balances());
        Assert.Equal(10m, ledger.Account.Balance);
    }

    [Fact]
    public void Undo_Pay_AfterThePaymentSourceChanged_ReversesTheSplitThatWasPaid()
    {
        var ledger = AnAccount.Opened(0m).WithEnvelopes("Rent", "Food")
            .WithPaymentSource("ACME Ltd.", 1100m, new Split(1, 700m), new Split(2, 300m))
            .BuildLedger();
        ledger.Apply(a => a.Pay(0, "ACME Ltd.", 1100m, "Pay day!", null, TestClock.Now));
        ledger.Apply(a => a.UpdatePaymentSource(0, "ACME Ltd.", 1100m, [new Split(2, 1100m)]));

        ledger.Undo();

        Assert.Equal(new[] { 0m, 0m, 0m }, ledger.Account.Balances());
        Assert.Equal(0m, ledger.Account.Balance);
    }

    [Fact]
    public void Undo_ReportsTheRemovedIdAndRecordsNothing()
    {
        var ledger = AnAccount.Opened(100m).WithDeposit(0, 5m).BuildLedger();

        var change = ledger.Account.Undo(ledger.Newest);

        Assert.Equal(1, change.Removed);
        Assert.Null(change.Recorded);
        Assert.Equal(1, change.After.NextTransactionId);
    }

    [Fact]
    public void Undo_GivesTheRemovedIdToTheNextTransaction()
    {
        var ledger = AnAccount.Opened(100m).WithDeposit(0, 5m).WithDeposit(0, 6m).BuildLedger();
        Assert.Equal(3, ledger.Account.NextTransactionId);

        ledger.Undo();
        var next = ledger.Apply(a => a.Deposit(0, "again", 7m, TestClock.Now)).Recorded!;

        Assert.Equal(2, next.Id);
        Assert.Equal(112m, next.AccountBalance);
        Assert.Equal(new long[] { 0, 1, 2 }, ledger.History.Select(t => t.Id));
    }

    [Fact]
    public void Undo_RepeatedDownToTheOpening_ThenTheOpeningIsRefused()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping")
            .WithDeposit(1, 20m).WithMove(0, 1, 30m).BuildLedger();
        ledger.Apply(a => a.Debit(1, "", 45m, TestClock.Now));
        ledger.Apply(a => a.WithdrawCash(0, "", 80m, TestClock.Now));

        for (var undone = 0; undone < 4; undone++) ledger.Undo();

        Assert.Equal(new[] { 100m, 0m }, ledger.Account.Balances());
        Assert.Equal(100m, ledger.Account.Balance);
        Assert.Equal(1, ledger.Account.NextTransactionId);
        var opening = Assert.Single(ledger.History);
        var error = Refused.By(ledger.Account, a => a.Undo(opening), DomainErrorKind.Invalid);
        Assert.Equal("Cannot undo opening transaction. Delete the account instead.", error.Message);
    }

    [Fact]
    public void Undo_OfTheOpeningOfANewAccount_IsRefused()
    {
        var ledger = AnAccount.Opened(100m).BuildLedger();

        var error = Refused.By(ledger.Account, a => a.Undo(ledger.Newest), DomainErrorKind.Invalid);

        Assert.Equal("Cannot undo opening transaction. Delete the account instead.", error.Message);
    }

    [Fact]
    public void Undo_LeavesNamesEnvelopesAndPaymentSourcesAlone()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping").WithDeposit(1, 25m).BuildLedger();
        ledger.Apply(a => a.RenameEnvelope(1, "Groceries"));
        ledger.Apply(a => a.RenameEnvelope(0, "Unallocated"));
        ledger.Apply(a => a.AddEnvelopes(["Holidays"]));
        ledger.Apply(a => a.AddPaymentSource("ACME Ltd.", 1100m, [new Split(2, 100m)]));

        ledger.Undo();

        Assert.Equal(new[] { "Unallocated", "Groceries", "Holidays" }, ledger.Account.EnvelopeNames());
        Assert.Equal(new[] { 100m, 0m, 0m }, ledger.Account.Balances());
        var source = Assert.Single(ledger.Account.PaymentSources);
        Assert.Equal("ACME Ltd.", source.Payer);
        Assert.Equal(new[] { new Split(2, 100m) }, source.Splits);
        Assert.Equal("Everyday", ledger.Account.Name);
    }

    [Fact]
    public void Undo_GivenATransactionThatIsNotTheNewest_ThrowsAndChangesNothing()
    {
        var ledger = AnAccount.Opened(100m).WithDeposit(0, 5m).WithDeposit(0, 6m).BuildLedger();
        var before = AccountState.Of(ledger.Account);

        Assert.Throws<InvalidOperationException>(() => ledger.Account.Undo(ledger.History[1]));

        Assert.Equal(before, AccountState.Of(ledger.Account));
    }

    [Fact]
    public void Undo_LeavesTheOriginalAccountAsItWas()
    {
        var ledger = AnAccount.Opened(100m).WithDeposit(0, 5m).BuildLedger();
        var account = ledger.Account;
        var before = AccountState.Of(account);

        account.Undo(ledger.Newest);

        Assert.Equal(before, AccountState.Of(account));
    }
}
