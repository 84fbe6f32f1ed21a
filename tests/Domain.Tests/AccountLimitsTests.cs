using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

/// <summary>What one account and one owner may hold, and that going past it changes nothing and says the limit.</summary>
public sealed class AccountLimitsTests
{
    [Fact]
    public void AddEnvelopes_UpToTheLimit_AreAdded()
    {
        var account = AnAccount.Opened().Build();

        var after = account.AddEnvelopes(Names(AccountLimits.EnvelopesPerAccount - 1)).After;

        Assert.Equal(AccountLimits.EnvelopesPerAccount, after.Envelopes.Count);
    }

    [Fact]
    public void AddEnvelopes_OnePastTheLimit_IsRefusedWithTheLimit()
    {
        var account = AnAccount.Opened().WithEnvelopes(Names(AccountLimits.EnvelopesPerAccount - 2)).Build();

        var refused = Refused.By(account, a => a.AddEnvelopes(["One more", "And another"]), DomainErrorKind.Invalid);

        Assert.Contains($"at most {AccountLimits.EnvelopesPerAccount} envelopes", refused.Message);
        Assert.Contains("at most 1 more", refused.Message);
    }

    [Fact]
    public void AddEnvelopes_ThirtyThousandAtOnce_IsRefusedAndAddsNone()
    {
        var account = AnAccount.Opened().Build();

        var refused = Refused.By(account, a => a.AddEnvelopes(Names(30_000)), DomainErrorKind.Invalid);

        Assert.Contains($"at most {AccountLimits.EnvelopesPerAccount} envelopes", refused.Message);
    }

    [Fact]
    public void AddPaymentSource_PastTheLimit_IsRefusedWithTheLimit()
    {
        var builder = AnAccount.Opened();
        for (var i = 0; i < AccountLimits.PaymentSourcesPerAccount; i++) builder.WithPaymentSource($"Payer {i}", 10m);
        var account = builder.Build();

        var refused = Refused.By(account, a => a.AddPaymentSource("One more", 10m, []), DomainErrorKind.Invalid);

        Assert.Contains($"at most {AccountLimits.PaymentSourcesPerAccount} payment sources", refused.Message);
    }

    [Fact]
    public void AddPaymentSource_SplitUpToTheLimit_IsKept()
    {
        var account = AnAccount.Opened().WithEnvelopes(Names(AccountLimits.SplitsPerPayment)).Build();

        var after = account.AddPaymentSource("ACME Ltd.", 1000m, Splits(AccountLimits.SplitsPerPayment)).After;

        Assert.Equal(AccountLimits.SplitsPerPayment, after.PaymentSourceById(0).Splits.Length);
    }

    [Fact]
    public void AddPaymentSource_SplitPastTheLimit_IsRefusedWithTheLimit()
    {
        var account = AnAccount.Opened().WithEnvelopes(Names(AccountLimits.SplitsPerPayment + 1)).Build();

        var refused = Refused.By(account, a => a.AddPaymentSource("ACME Ltd.", 1000m, Splits(AccountLimits.SplitsPerPayment + 1)),
            DomainErrorKind.Invalid);

        Assert.Contains($"at most {AccountLimits.SplitsPerPayment} envelopes", refused.Message);
    }

    [Fact]
    public void UpdatePaymentSource_SplitPastTheLimit_IsRefused()
    {
        var account = AnAccount.Opened().WithEnvelopes(Names(AccountLimits.SplitsPerPayment + 1)).WithPaymentSource("ACME Ltd.", 1000m).Build();

        Refused.By(account, a => a.UpdatePaymentSource(0, "ACME Ltd.", 1000m, Splits(AccountLimits.SplitsPerPayment + 1)),
            DomainErrorKind.Invalid);
    }

    [Fact]
    public void Pay_WithItsOwnSplitPastTheLimit_IsRefused()
    {
        var account = AnAccount.Opened().WithEnvelopes(Names(AccountLimits.SplitsPerPayment + 1)).WithPaymentSource("ACME Ltd.", 1000m).Build();

        Refused.By(account, a => a.Pay(0, null, 1000m, "pay day", Splits(AccountLimits.SplitsPerPayment + 1), TestClock.Now),
            DomainErrorKind.Invalid);
    }

    [Fact]
    public void RequireRoomForAnotherAccount_RefusesOnlyAtTheLimit()
    {
        Account.RequireRoomForAnotherAccount(AccountLimits.OpenAccountsPerOwner - 1);

        var refused = Assert.Throws<DomainException>(() => Account.RequireRoomForAnotherAccount(AccountLimits.OpenAccountsPerOwner));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains($"at most {AccountLimits.OpenAccountsPerOwner} open accounts", refused.Message);
    }

    private static string[] Names(int count) => [.. Enumerable.Range(1, count).Select(i => $"Envelope {i}")];

    /// <summary>A split of 1.00 into each of envelopes 1 … <paramref name="count"/>.</summary>
    private static Split[] Splits(int count) => [.. Enumerable.Range(1, count).Select(id => new Split(id, 1m))];
}
