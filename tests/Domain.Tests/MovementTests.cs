using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

/// <summary>Money into and out of one envelope: deposit, debit and cash withdrawal (atm).</summary>
public sealed class MovementTests
{
    [Fact]
    public void Deposit_AddsToTheEnvelopeAndTheBalance()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var after = account.Deposit(1, "Birthday money", 25.50m, TestClock.Now).After;

        Assert.Equal(new[] { 100m, 25.50m }, after.Balances());
        Assert.Equal(125.50m, after.Balance);
    }

    [Fact]
    public void Deposit_RecordsADepositTransaction()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var recorded = account.Deposit(1, "Birthday money", 25.50m, TestClock.Now).Recorded!;

        Assert.Equal(TransactionKind.Deposit, recorded.Kind);
        Assert.Equal(1, recorded.Id);
        Assert.Equal(1, recorded.EnvelopeId);
        Assert.Null(recorded.ToEnvelopeId);
        Assert.Equal("Shopping", recorded.EnvelopeName);
        Assert.Equal("Birthday money", recorded.Description);
        Assert.Equal(25.50m, recorded.Amount);
        Assert.Equal(125.50m, recorded.AccountBalance);
        Assert.Empty(recorded.PaySplits);
    }

    [Fact]
    public void Deposit_LeavesTheOriginalAccountAsItWas()
    {
        var account = AnAccount.Opened(100m).Build();
        var before = AccountState.Of(account);

        account.Deposit(0, "", 10m, TestClock.Now);

        Assert.Equal(before, AccountState.Of(account));
    }

    [Fact]
    public void Deposit_IntoUnknownEnvelope_IsNotFound()
    {
        var account = AnAccount.Opened(100m).Build();

        var error = Refused.By(account, a => a.Deposit(99, "", 10m, TestClock.Now), DomainErrorKind.NotFound);

        Assert.Equal("No envelope exists with id: 99", error.Message);
    }

    [Fact]
    public void Debit_WithEnoughFunds_SubtractsFromTheEnvelopeAndTheBalance()
    {
        var account = AnAccount.Opened(100m).Build();

        var after = account.Debit(0, "Groceries", 40.25m, TestClock.Now).After;

        Assert.Equal(new[] { 59.75m }, after.Balances());
        Assert.Equal(59.75m, after.Balance);
    }

    [Fact]
    public void Debit_RecordsADebitWithANegativeAmount()
    {
        var account = AnAccount.Opened(100m).Build();

        var recorded = account.Debit(0, "Groceries", 40.25m, TestClock.Now).Recorded!;

        Assert.Equal(TransactionKind.Debit, recorded.Kind);
        Assert.Equal(-40.25m, recorded.Amount);
        Assert.Equal(59.75m, recorded.AccountBalance);
        Assert.Equal(0, recorded.EnvelopeId);
        Assert.Null(recorded.ToEnvelopeId);
        Assert.Equal("Available", recorded.EnvelopeName);
    }

    [Fact]
    public void Debit_PastZeroWhenTheAccountCanGoNegative_LeavesExactlyMinusOneCent()
    {
        var account = AnAccount.Opened(100m).Build();

        var after = account.Debit(0, "Overdraft", 100.01m, TestClock.Now).After;

        Assert.Equal(-0.01m, after.EnvelopeById(0).Balance);
        Assert.Equal(-0.01m, after.Balance);
    }

    [Fact]
    public void Debit_MoreThanEnvelopeHoldsOnNonNegativeAccount_IsRefused()
    {
        var account = AnAccount.Opened(100m).ThatCannotGoNegative().Build();

        var error = Refused.By(account, a => a.Debit(0, "Overdraft", 100.01m, TestClock.Now), DomainErrorKind.Invalid);

        Assert.Equal(
            "Cannot debit more than is available in 'Available' when account is not allowed to go negative", error.Message);
    }

    [Fact]
    public void Debit_MoreThanEnvelopeHoldsOnNonNegativeAccount_IsRefusedEvenWhenTheAccountHoldsEnough()
    {
        var account = AnAccount.Opened(100m).ThatCannotGoNegative().WithEnvelopes("Shopping").WithMove(0, 1, 10m).Build();

        var error = Refused.By(account, a => a.Debit(1, "", 10.01m, TestClock.Now), DomainErrorKind.Invalid);

        Assert.Contains("'Shopping'", error.Message);
    }

    [Fact]
    public void Debit_EverythingTheEnvelopeHoldsOnNonNegativeAccount_LeavesItAtZero()
    {
        var account = AnAccount.Opened(100m).ThatCannotGoNegative().Build();

        var after = account.Debit(0, "", 100m, TestClock.Now).After;

        Assert.Equal(0m, after.EnvelopeById(0).Balance);
        Assert.Equal(0m, after.Balance);
    }

    [Fact]
    public void Debit_FromUnknownEnvelope_IsNotFound()
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.Debit(1, "", 10m, TestClock.Now), DomainErrorKind.NotFound);
    }

    [Fact]
    public void WithdrawCash_WithEnoughFunds_RecordsAnAtmWithANegativeAmount()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Cash").WithMove(0, 1, 50m).Build();

        var change = account.WithdrawCash(1, "Cash point", 20m, TestClock.Now);

        Assert.Equal(new[] { 50m, 30m }, change.After.Balances());
        Assert.Equal(80m, change.After.Balance);
        var recorded = change.Recorded!;
        Assert.Equal(TransactionKind.Atm, recorded.Kind);
        Assert.Equal(-20m, recorded.Amount);
        Assert.Equal(80m, recorded.AccountBalance);
        Assert.Equal(1, recorded.EnvelopeId);
        Assert.Null(recorded.ToEnvelopeId);
        Assert.Equal("Cash", recorded.EnvelopeName);
        Assert.Equal("Cash point", recorded.Description);
    }

    [Fact]
    public void WithdrawCash_PastZeroWhenTheAccountCanGoNegative_LeavesTheEnvelopeNegative()
    {
        var account = AnAccount.Opened(100m).Build();

        var after = account.WithdrawCash(0, "", 120m, TestClock.Now).After;

        Assert.Equal(-20m, after.EnvelopeById(0).Balance);
        Assert.Equal(-20m, after.Balance);
    }

    [Fact]
    public void WithdrawCash_MoreThanEnvelopeHoldsOnNonNegativeAccount_IsRefused()
    {
        var account = AnAccount.Opened(100m).ThatCannotGoNegative().Build();

        var error = Refused.By(account, a => a.WithdrawCash(0, "", 100.01m, TestClock.Now), DomainErrorKind.Invalid);

        Assert.Contains("'Available'", error.Message);
        Assert.Contains("not allowed to go negative", error.Message);
    }

    [Fact]
    public void WithdrawCash_FromUnknownEnvelope_IsNotFound()
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.WithdrawCash(5, "", 10m, TestClock.Now), DomainErrorKind.NotFound);
    }
}
