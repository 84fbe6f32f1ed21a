using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class PayTests
{
    /// <summary>The original's pay day: an empty account with Rent (1) and Food (2), ACME paying 1100 as 700/300.</summary>
    private static AnAccount PayDayAccount() =>
        AnAccount.Opened(0m).WithEnvelopes("Rent", "Food")
            .WithPaymentSource("ACME Ltd.", 1100m, new Split(1, 700m), new Split(2, 300m));

    [Fact]
    public void Pay_WithRemainder_FillsTheSplitAndPutsTheRestInAvailable()
    {
        var account = PayDayAccount().Build();

        var change = account.Pay(0, "ACME Ltd.", 1100m, "Pay day!", [new Split(1, 700m), new Split(2, 300m)], TestClock.Now);

        Assert.Equal(new[] { 100m, 700m, 300m }, change.After.Balances());
        Assert.Equal(1100m, change.After.Balance);
        Assert.Equal(("ACME Ltd.", "Pay day!"), (change.Recorded!.Payer, change.Recorded.Description));
    }

    [Fact]
    public void Pay_RecordsAPayWithItsSplitAndNoEnvelope()
    {
        var account = PayDayAccount().WithDeposit(0, 50m).Build();

        var recorded = account.Pay(0, "ACME Ltd.", 1100m, "Pay day!", null, TestClock.Now).Recorded!;

        Assert.Equal(TransactionKind.Pay, recorded.Kind);
        Assert.Equal(2, recorded.Id);
        Assert.Null(recorded.EnvelopeId);
        Assert.Null(recorded.ToEnvelopeId);
        Assert.Null(recorded.EnvelopeName);
        Assert.Equal(1100m, recorded.Amount);
        Assert.Equal(1150m, recorded.AccountBalance);
        Assert.Equal(new[] { new Split(1, 700m), new Split(2, 300m) }, recorded.PaySplits);
    }

    [Fact]
    public void Pay_WithoutSplit_UsesTheStoredSplit()
    {
        var account = PayDayAccount().Build();

        var after = account.Pay(0, "ACME Ltd.", 1250m, "Pay day!", null, TestClock.Now).After;

        Assert.Equal(new[] { 250m, 700m, 300m }, after.Balances());
        Assert.Equal(1250m, after.Balance);
    }

    [Fact]
    public void Pay_WithEmptySplit_PutsEverythingInAvailable()
    {
        var account = PayDayAccount().Build();

        var change = account.Pay(0, "ACME Ltd.", 1100m, "Bonus", [], TestClock.Now);

        Assert.Equal(new[] { 1100m, 0m, 0m }, change.After.Balances());
        Assert.Empty(change.Recorded!.PaySplits);
    }

    [Fact]
    public void Pay_WithExplicitSplit_OverridesTheStoredSplit()
    {
        var account = PayDayAccount().Build();

        var change = account.Pay(0, "ACME Ltd.", 1100m, "Pay day!", [new Split(2, 1000m)], TestClock.Now);

        Assert.Equal(new[] { 100m, 0m, 1000m }, change.After.Balances());
        Assert.Equal(new[] { new Split(2, 1000m) }, change.Recorded!.PaySplits);
        Assert.Equal(new[] { new Split(1, 700m), new Split(2, 300m) }, change.After.PaymentSourceById(0).Splits);
    }

    [Fact]
    public void Pay_SplitAddingUpToTheAmount_LeavesAvailableAsItWas()
    {
        var account = PayDayAccount().WithDeposit(0, 5m).Build();

        var after = account.Pay(0, "ACME Ltd.", 1000m, "Pay day!", null, TestClock.Now).After;

        Assert.Equal(new[] { 5m, 700m, 300m }, after.Balances());
    }

    [Fact]
    public void Pay_AmountSmallerThanTheSplit_IsRefused()
    {
        var account = PayDayAccount().Build();

        var error = Refused.By(account,
            a => a.Pay(0, "ACME Ltd.", 999.99m, "Pay day!", [new Split(1, 700m), new Split(2, 300m)], TestClock.Now),
            DomainErrorKind.Invalid);

        Assert.Equal("Payment amount must equal or exceed the sum total of payment source envelopes", error.Message);
    }

    [Fact]
    public void Pay_AmountSmallerThanTheStoredSplit_IsRefused()
    {
        var account = PayDayAccount().Build();

        var error = Refused.By(account, a => a.Pay(0, "ACME Ltd.", 500m, "Pay day!", null, TestClock.Now), DomainErrorKind.Invalid);

        Assert.Equal("Payment amount must equal or exceed the sum total of payment source envelopes", error.Message);
    }

    [Fact]
    public void Pay_FromUnknownPaymentSource_IsNotFound()
    {
        var account = PayDayAccount().Build();

        Refused.By(account, a => a.Pay(1, "ACME Ltd.", 1100m, "", null, TestClock.Now), DomainErrorKind.NotFound);
    }

    [Fact]
    public void Pay_SplitNamingUnknownEnvelope_IsNotFound()
    {
        var account = PayDayAccount().Build();

        Refused.By(account, a => a.Pay(0, "ACME Ltd.", 1100m, "", [new Split(3, 100m)], TestClock.Now), DomainErrorKind.NotFound);
    }

    [Fact]
    public void Pay_SameEnvelopeTwiceInTheSplit_IsRefused()
    {
        var account = PayDayAccount().Build();

        Refused.By(account, a => a.Pay(0, "ACME Ltd.", 1100m, "", [new Split(1, 100m), new Split(1, 200m)], TestClock.Now),
            DomainErrorKind.Invalid);
    }

    [Fact]
    public void Pay_RecordsTheRequestsPayer_AndLeavesTheSourcesPayerAlone()
    {
        var account = PayDayAccount().Build();

        var change = account.Pay(0, "ACME Payroll", 1100m, "Pay day!", null, TestClock.Now);

        Assert.Equal(("ACME Payroll", "Pay day!"), (change.Recorded!.Payer, change.Recorded.Description));
        Assert.Equal("ACME Ltd.", change.After.PaymentSourceById(0).Payer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Pay_WithoutPayer_RecordsTheSourcesPayer(string? payer)
    {
        var account = PayDayAccount().Build();

        var recorded = account.Pay(0, payer, 1100m, "Pay day!", null, TestClock.Now).Recorded!;

        Assert.Equal(("ACME Ltd.", "Pay day!"), (recorded.Payer, recorded.Description));
    }

    [Fact]
    public void Pay_OnAccountThatCannotGoNegative_IsAllowed()
    {
        var account = PayDayAccount().ThatCannotGoNegative().Build();

        var after = account.Pay(0, "ACME Ltd.", 1100m, "Pay day!", null, TestClock.Now).After;

        Assert.Equal(new[] { 100m, 700m, 300m }, after.Balances());
    }
}
