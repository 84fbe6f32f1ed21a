using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class MoveTests
{
    [Fact]
    public void Move_BetweenTwoEnvelopes_ShiftsTheMoneyAndKeepsTheBalance()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var after = account.Move(0, 1, "Budget", 60m, TestClock.Now).After;

        Assert.Equal(new[] { 40m, 60m }, after.Balances());
        Assert.Equal(100m, after.Balance);
    }

    [Fact]
    public void Move_RecordsAMoveNamingBothEnvelopes()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var recorded = account.Move(0, 1, "Budget", 60m, TestClock.Now).Recorded!;

        Assert.Equal(TransactionKind.Move, recorded.Kind);
        Assert.Equal((0, "Available"), (recorded.EnvelopeId, recorded.EnvelopeName));
        Assert.Equal((1, "Shopping"), (recorded.ToEnvelopeId, recorded.ToEnvelopeName));
        Assert.Equal("Budget", recorded.Description);
        Assert.Equal(60m, recorded.Amount);
        Assert.Equal(100m, recorded.AccountBalance);
        Assert.Empty(recorded.PaySplits);
    }

    [Fact]
    public void Move_EverythingTheSourceHolds_EmptiesIt()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var after = account.Move(0, 1, "", 100m, TestClock.Now).After;

        Assert.Equal(new[] { 0m, 100m }, after.Balances());
    }

    [Fact]
    public void Move_MoreThanTheSourceHolds_IsRefused()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var error = Refused.By(account, a => a.Move(0, 1, "", 100.01m, TestClock.Now), DomainErrorKind.Invalid);

        Assert.Equal("Not enough money in 'Available' envelope", error.Message);
    }

    [Fact]
    public void Move_MoreThanTheSourceHoldsOnAccountThatCanGoNegative_IsStillRefused()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").WithMove(0, 1, 30m).Build();
        Assert.True(account.CanGoNegative);

        var error = Refused.By(account, a => a.Move(1, 0, "", 30.01m, TestClock.Now), DomainErrorKind.Invalid);

        Assert.Equal("Not enough money in 'Shopping' envelope", error.Message);
    }

    [Fact]
    public void Move_ToTheSameEnvelope_IsRefused()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        Refused.By(account, a => a.Move(0, 0, "", 10m, TestClock.Now), DomainErrorKind.Invalid);
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(7, 0)]
    [InlineData(-1, 1)]
    public void Move_NamingAnUnknownEnvelope_IsNotFound(int fromId, int toId)
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var error = Refused.By(account, a => a.Move(fromId, toId, "", 10m, TestClock.Now), DomainErrorKind.NotFound);

        Assert.StartsWith("No envelope exists with id:", error.Message);
    }
}
