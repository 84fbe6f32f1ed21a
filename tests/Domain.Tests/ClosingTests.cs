using NVelopes.Domain.Tests.Builders;

namespace NVelopes.Domain.Tests;

public sealed class ClosingTests
{
    [Fact]
    public void Close_MarksTheAccountClosedAndRecordsNothing()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").WithMove(0, 1, 40m).Build();

        var change = account.Close();

        Assert.True(change.After.IsClosed);
        Assert.Null(change.Recorded);
        Assert.Null(change.Removed);
        Assert.Equal(new[] { 60m, 40m }, change.After.Balances());
        Assert.Equal(account.NextTransactionId, change.After.NextTransactionId);
        Assert.False(account.IsClosed);
    }
}
