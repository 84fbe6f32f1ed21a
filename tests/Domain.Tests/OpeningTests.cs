using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class OpeningTests
{
    [Fact]
    public void Open_WithOpeningBalance_HasOnlyEnvelopeAvailableHoldingIt()
    {
        var account = Account.Open("acc-1", "user-1", "Everyday", 100m, canGoNegative: true, TestClock.Now).After;

        var envelope = Assert.Single(account.Envelopes);
        Assert.Equal(new Envelope(0, "Available", 100m), envelope);
        Assert.Equal(100m, account.Balance);
        Assert.Empty(account.PaymentSources);
        Assert.Equal("acc-1", account.Id);
        Assert.Equal("user-1", account.OwnerId);
        Assert.Equal("Everyday", account.Name);
        Assert.False(account.IsClosed);
    }

    [Fact]
    public void Open_RecordsTransactionZeroAsDepositOfOpeningBalanceIntoAvailable()
    {
        var change = Account.Open("acc-1", "user-1", "Everyday", 100m, canGoNegative: true, TestClock.Now);

        var opening = change.Recorded!;
        Assert.Equal(0, opening.Id);
        Assert.Equal(TransactionKind.Deposit, opening.Kind);
        Assert.Equal("Account Opened", opening.Description);
        Assert.Equal(0, opening.EnvelopeId);
        Assert.Null(opening.ToEnvelopeId);
        Assert.Equal("Available", opening.EnvelopeName);
        Assert.Equal(100m, opening.Amount);
        Assert.Equal(100m, opening.AccountBalance);
        Assert.Equal(TestClock.Now, opening.Date);
        Assert.Equal("user-1", opening.OwnerId);
        Assert.Equal("acc-1", opening.AccountId);
        Assert.Empty(opening.PaySplits);
        Assert.Equal(1, change.After.NextTransactionId);
        Assert.Null(change.Removed);
    }

    [Fact]
    public void Open_WithZeroOpeningBalance_IsAllowed()
    {
        var change = Account.Open("acc-1", "user-1", "Everyday", 0m, canGoNegative: true, TestClock.Now);

        Assert.Equal(0m, change.After.Balance);
        Assert.Equal(new[] { 0m }, change.After.Balances());
        Assert.Equal(0m, change.Recorded!.Amount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_RemembersWhetherTheAccountCanGoNegative(bool canGoNegative)
    {
        var account = Account.Open("acc-1", "user-1", "Everyday", 10m, canGoNegative, TestClock.Now).After;

        Assert.Equal(canGoNegative, account.CanGoNegative);
    }

    [Fact]
    public void Open_WithTrailingZeroBeyondCents_StoresWholeCents()
    {
        var account = Account.Open("acc-1", "user-1", "Everyday", 1.230m, canGoNegative: true, TestClock.Now).After;

        Assert.Equal("1.23", account.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.23m, account.EnvelopeById(0).Balance);
    }

    public static TheoryData<decimal> RefusedOpeningBalances => new()
    {
        -0.01m,
        -100m,
        1.005m,
        0.001m,
        1_000_000_000.01m,
    };

    [Theory]
    [MemberData(nameof(RefusedOpeningBalances))]
    public void Open_WithNegativeFractionalCentOrTooLargeOpeningBalance_IsRefused(decimal openingBalance)
    {
        var error = Assert.Throws<DomainException>(() =>
            Account.Open("acc-1", "user-1", "Everyday", openingBalance, canGoNegative: true, TestClock.Now));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Open_WithMaximumOpeningBalance_IsAllowed()
    {
        var account = Account.Open("acc-1", "user-1", "Everyday", 1_000_000_000m, canGoNegative: true, TestClock.Now).After;

        Assert.Equal(1_000_000_000m, account.Balance);
    }

    [Fact]
    public void Open_TrimsTheAccountName()
    {
        var account = Account.Open("acc-1", "user-1", "  Everyday  ", 0m, canGoNegative: true, TestClock.Now).After;

        Assert.Equal("Everyday", account.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Open_WithBlankName_IsRefused(string name)
    {
        var error = Assert.Throws<DomainException>(() =>
            Account.Open("acc-1", "user-1", name, 0m, canGoNegative: true, TestClock.Now));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Open_WithNameLongerThanHundredCharacters_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Account.Open("acc-1", "user-1", new string('a', 101), 0m, canGoNegative: true, TestClock.Now));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }
}
