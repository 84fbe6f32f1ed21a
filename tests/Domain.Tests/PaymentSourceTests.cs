using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class PaymentSourceTests
{
    [Fact]
    public void AddPaymentSource_WithValidSplit_GetsIdZeroAndKeepsTheSplit()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent", "Food").Build();

        var after = account.AddPaymentSource("ACME Ltd.", 1100m, [new Split(1, 700m), new Split(2, 300m)]).After;

        var source = Assert.Single(after.PaymentSources);
        Assert.Equal(0, source.Id);
        Assert.Equal("ACME Ltd.", source.Payer);
        Assert.Equal(1100m, source.Amount);
        Assert.Equal(new[] { new Split(1, 700m), new Split(2, 300m) }, source.Splits);
    }

    [Fact]
    public void AddPaymentSource_Second_GetsIdOne()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent").WithPaymentSource("ACME Ltd.", 1100m, new Split(1, 700m)).Build();

        var after = account.AddPaymentSource("Side Gig", 200m, [new Split(0, 50m)]).After;

        Assert.Equal(new[] { 0, 1 }, after.PaymentSources.Select(s => s.Id));
        Assert.Equal("Side Gig", after.PaymentSourceById(1).Payer);
        Assert.Equal("ACME Ltd.", after.PaymentSourceById(0).Payer);
    }

    [Fact]
    public void AddPaymentSource_RecordsNoTransactionAndMovesNoMoney()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Rent").Build();

        var change = account.AddPaymentSource("ACME Ltd.", 1100m, [new Split(1, 700m)]);

        Assert.Null(change.Recorded);
        Assert.Equal(new[] { 100m, 0m }, change.After.Balances());
        Assert.Equal(100m, change.After.Balance);
        Assert.Equal(account.NextTransactionId, change.After.NextTransactionId);
        Assert.Empty(account.PaymentSources);
    }

    [Fact]
    public void AddPaymentSource_WithEmptySplit_IsAllowed()
    {
        var account = AnAccount.Opened(0m).Build();

        var source = Assert.Single(account.AddPaymentSource("ACME Ltd.", 1100m, []).After.PaymentSources);

        Assert.Empty(source.Splits);
    }

    [Fact]
    public void AddPaymentSource_TrimsThePayer()
    {
        var account = AnAccount.Opened(0m).Build();

        var source = Assert.Single(account.AddPaymentSource("  ACME Ltd. ", 1100m, []).After.PaymentSources);

        Assert.Equal("ACME Ltd.", source.Payer);
    }

    [Fact]
    public void AddPaymentSource_SplitNamingUnknownEnvelope_IsNotFound()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent").Build();

        Refused.By(account, a => a.AddPaymentSource("ACME Ltd.", 1100m, [new Split(1, 700m), new Split(9, 300m)]),
            DomainErrorKind.NotFound);
    }

    [Fact]
    public void AddPaymentSource_SplitAddingUpToTheAmount_IsAllowed()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent", "Food").Build();

        var source = Assert.Single(
            account.AddPaymentSource("ACME Ltd.", 1000m, [new Split(1, 700m), new Split(2, 300m)]).After.PaymentSources);

        Assert.Equal(1000m, source.Splits.Sum(s => s.Amount));
    }

    [Fact]
    public void AddPaymentSource_SplitExceedingTheAmount_IsRefused()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent", "Food").Build();

        Refused.By(account, a => a.AddPaymentSource("ACME Ltd.", 999.99m, [new Split(1, 700m), new Split(2, 300m)]),
            DomainErrorKind.Invalid);
    }

    [Fact]
    public void AddPaymentSource_SameEnvelopeTwiceInTheSplit_IsRefused()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent").Build();

        Refused.By(account, a => a.AddPaymentSource("ACME Ltd.", 1100m, [new Split(1, 300m), new Split(1, 400m)]),
            DomainErrorKind.Invalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddPaymentSource_WithBlankPayer_IsRefused(string payer)
    {
        var account = AnAccount.Opened(0m).Build();

        Refused.By(account, a => a.AddPaymentSource(payer, 1100m, []), DomainErrorKind.Invalid);
    }

    [Fact]
    public void UpdatePaymentSource_ReplacesPayerAmountAndSplitUnderTheSameId()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent", "Food")
            .WithPaymentSource("ACME Ltd.", 1100m, new Split(1, 700m), new Split(2, 300m))
            .WithPaymentSource("Side Gig", 200m)
            .Build();

        var change = account.UpdatePaymentSource(0, "ACME Group", 1200m, [new Split(2, 400m)]);

        var updated = change.After.PaymentSourceById(0);
        Assert.Equal(0, updated.Id);
        Assert.Equal("ACME Group", updated.Payer);
        Assert.Equal(1200m, updated.Amount);
        Assert.Equal(new[] { new Split(2, 400m) }, updated.Splits);
        Assert.Equal("Side Gig", change.After.PaymentSourceById(1).Payer);
        Assert.Null(change.Recorded);
        Assert.Equal(new[] { 0m, 0m, 0m }, change.After.Balances());
        Assert.Equal("ACME Ltd.", account.PaymentSourceById(0).Payer);
    }

    [Fact]
    public void UpdatePaymentSource_UnknownId_IsNotFound()
    {
        var account = AnAccount.Opened(0m).WithPaymentSource("ACME Ltd.", 1100m).Build();

        Refused.By(account, a => a.UpdatePaymentSource(1, "ACME Ltd.", 1100m, []), DomainErrorKind.NotFound);
    }

    [Fact]
    public void UpdatePaymentSource_SplitExceedingTheAmount_IsRefused()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent").WithPaymentSource("ACME Ltd.", 1100m).Build();

        Refused.By(account, a => a.UpdatePaymentSource(0, "ACME Ltd.", 500m, [new Split(1, 500.01m)]), DomainErrorKind.Invalid);
    }

    [Fact]
    public void UpdatePaymentSource_SplitNamingUnknownEnvelope_IsNotFound()
    {
        var account = AnAccount.Opened(0m).WithEnvelopes("Rent").WithPaymentSource("ACME Ltd.", 1100m).Build();

        Refused.By(account, a => a.UpdatePaymentSource(0, "ACME Ltd.", 1100m, [new Split(2, 100m)]), DomainErrorKind.NotFound);
    }
}
