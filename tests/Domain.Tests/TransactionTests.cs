using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

/// <summary>The fields every history entry carries, across a mixed run of commands.</summary>
public sealed class TransactionTests
{
    private static Ledger MixedHistory()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Shopping", "Rent")
            .WithPaymentSource("ACME Ltd.", 1000m, new Split(2, 600m))
            .BuildLedger();
        ledger.Apply(a => a.Deposit(1, "Gift", 20m, TestClock.Now));                         // 1
        ledger.Apply(a => a.Move(0, 1, "Budget", 30m, TestClock.Now));                        // 2
        ledger.Apply(a => a.RenameEnvelope(1, "Groceries"));
        ledger.Apply(a => a.Debit(1, "Weekly shop", 45.5m, TestClock.Now));                   // 3
        ledger.Apply(a => a.WithdrawCash(0, "Cash point", 10m, TestClock.Now));               // 4
        ledger.Apply(a => a.Pay(0, "ACME Ltd.", 1000m, "Pay day!", null, TestClock.Now));     // 5
        return ledger;
    }

    [Fact]
    public void Transactions_HaveContiguousIdsFromZero()
    {
        var ledger = MixedHistory();

        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, ledger.History.Select(t => t.Id));
        Assert.Equal(6, ledger.Account.NextTransactionId);
    }

    [Fact]
    public void Transactions_RecordTheOperationOfEachCommand()
    {
        var ledger = MixedHistory();

        Assert.Equal(
            new[]
            {
                TransactionKind.Deposit, TransactionKind.Deposit, TransactionKind.Move,
                TransactionKind.Debit, TransactionKind.Atm, TransactionKind.Pay,
            },
            ledger.History.Select(t => t.Kind));
    }

    [Fact]
    public void Transactions_KeepTheEnvelopeNameAtTheTimeTheyWereRecorded()
    {
        var ledger = MixedHistory();

        Assert.Equal(
            new[] { "Available", "Shopping", "Available", "Groceries", "Available", null },
            ledger.History.Select(t => t.EnvelopeName));
        Assert.Equal(new[] { null, null, "Shopping", null, null, null }, ledger.History.Select(t => t.ToEnvelopeName));
    }

    [Fact]
    public void Transactions_NameNoEnvelopeTheyDoNotUse()
    {
        var ledger = MixedHistory();

        Assert.Equal(new int?[] { 0, 1, 0, 1, 0, null }, ledger.History.Select(t => t.EnvelopeId));
        Assert.Equal(new int?[] { null, null, 1, null, null, null }, ledger.History.Select(t => t.ToEnvelopeId));
    }

    [Fact]
    public void Transactions_StoreOutgoingAmountsAsNegative()
    {
        var ledger = MixedHistory();

        Assert.Equal(new[] { 100m, 20m, 30m, -45.5m, -10m, 1000m }, ledger.History.Select(t => t.Amount));
    }

    [Fact]
    public void Transactions_RecordTheAccountBalanceAfterThem()
    {
        var ledger = MixedHistory();

        Assert.Equal(new[] { 100m, 120m, 120m, 74.5m, 64.5m, 1064.5m }, ledger.History.Select(t => t.AccountBalance));
        Assert.Equal(1064.5m, ledger.Account.Balance);
        Assert.Equal(ledger.Account.Balance, ledger.Account.Envelopes.Sum(e => e.Balance));
    }

    [Fact]
    public void Transactions_CarryTheRecordingTimeOwnerAndAccount()
    {
        var ledger = MixedHistory();

        Assert.All(ledger.History, t =>
        {
            Assert.Equal(TestClock.Now, t.Date);
            Assert.Equal(AnAccount.OwnerId, t.OwnerId);
            Assert.Equal(AnAccount.Id, t.AccountId);
        });
    }

    [Fact]
    public void Transactions_OnlyPayCarriesASplit()
    {
        var ledger = MixedHistory();

        Assert.All(ledger.History.SkipLast(1), t => Assert.Empty(t.PaySplits));
        Assert.Equal(new[] { new Split(2, 600m) }, ledger.Newest.PaySplits);
    }

    [Fact]
    public void Transactions_UndoneOneByOne_ReturnEachBalanceToWhatItWasBefore()
    {
        var ledger = MixedHistory();
        var balancesAfter = ledger.History.Select(t => t.AccountBalance).ToArray();

        for (var id = balancesAfter.Length - 1; id > 0; id--)
        {
            ledger.Undo();
            Assert.Equal(balancesAfter[id - 1], ledger.Account.Balance);
            Assert.Equal(ledger.Account.Balance, ledger.Account.Envelopes.Sum(e => e.Balance));
        }
        Assert.Equal(new[] { 100m, 0m, 0m }, ledger.Account.Balances());
    }
}
