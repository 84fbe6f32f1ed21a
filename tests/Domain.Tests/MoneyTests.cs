using System.Globalization;
using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Amount_WithTrailingZeroBeyondCents_IsAcceptedAsWholeCents()
    {
        var amount = Money.Amount(1.230m);

        Assert.Equal(1.23m, amount);
        Assert.Equal("1.23", amount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("12.5")]
    [InlineData("999999999.99")]
    [InlineData("1000000000")]
    public void Amount_PositiveWholeCentsUpToOneBillion_IsAccepted(string value)
    {
        var amount = decimal.Parse(value, CultureInfo.InvariantCulture);

        Assert.Equal(amount, Money.Amount(amount));
    }

    public static TheoryData<decimal> RefusedAmounts => new()
    {
        0m,
        -0.01m,
        -5m,
        1.005m,
        0.001m,
        1_000_000_000.01m,
        1_000_000_001m,
    };

    [Theory]
    [MemberData(nameof(RefusedAmounts))]
    public void Amount_ZeroNegativeFractionalCentOrAboveOneBillion_IsRefused(decimal value)
    {
        var error = Assert.Throws<DomainException>(() => Money.Amount(value));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void OpeningBalance_Zero_IsAccepted()
    {
        Assert.Equal(0m, Money.OpeningBalance(0m));
    }

    [Fact]
    public void OpeningBalance_Negative_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Money.OpeningBalance(-0.01m));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Deposits_OfPointOneAndPointTwo_AddUpToExactlyPointThree()
    {
        var account = AnAccount.Opened(0m).WithDeposit(0, 0.1m).WithDeposit(0, 0.2m).Build();

        Assert.Equal(0.3m, account.Balance);
        Assert.Equal(0.3m, account.EnvelopeById(0).Balance);
    }

    [Fact]
    public void Deposit_WithTrailingZeroBeyondCents_RecordsWholeCents()
    {
        var account = AnAccount.Opened(0m).Build();

        var change = account.Deposit(0, "change", 1.230m, TestClock.Now);

        Assert.Equal("1.23", change.Recorded!.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(1.23m, change.After.Balance);
    }

    public static TheoryData<string, decimal> EveryMoneyCommandWithRefusedAmount()
    {
        var data = new TheoryData<string, decimal>();
        foreach (var command in new[] { "deposit", "debit", "atm", "move", "pay", "add payment source", "payment split" })
        foreach (var amount in new[] { 0m, -1m, 1.005m, 0.001m, 1_000_000_000.01m })
            data.Add(command, amount);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMoneyCommandWithRefusedAmount))]
    public void EveryMoneyCommand_WithAmountNotPositiveWholeCentsUpToOneBillion_IsRefused(string command, decimal amount)
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").WithPaymentSource("ACME Ltd.", 50m).Build();

        Refused.By(account, command switch
        {
            "deposit" => a => a.Deposit(0, "", amount, TestClock.Now),
            "debit" => a => a.Debit(0, "", amount, TestClock.Now),
            "atm" => a => a.WithdrawCash(0, "", amount, TestClock.Now),
            "move" => a => a.Move(0, 1, "", amount, TestClock.Now),
            "pay" => a => a.Pay(0, "ACME Ltd.", amount, "", [], TestClock.Now),
            "add payment source" => a => a.AddPaymentSource("Employer", amount, []),
            "payment split" => a => a.AddPaymentSource("Employer", 1_000_000_000m, [new Split(1, amount)]),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        }, DomainErrorKind.Invalid);
    }
}
