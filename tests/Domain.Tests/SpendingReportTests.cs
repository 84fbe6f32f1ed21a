using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class SpendingReportTests
{
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly December = new(2026, 12, 1);
    private static readonly DateTimeOffset InNovember = new(2026, 11, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InDecember = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An account opened with 1000 in Available, with Rent (1) and Food (2), ACME paying 1100 as 700/300.</summary>
    private static Account Budget() =>
        AnAccount.Opened(1000m).WithEnvelopes("Rent", "Food")
            .WithPaymentSource("ACME", 1100m, new Split(1, 700m), new Split(2, 300m)).Build();

    [Fact]
    public void Add_EachKindCountsAsMoneyInOrOutOfItsEnvelopes_PerMonth()
    {
        var account = Budget();
        var recorded = new List<Transaction>();
        Transaction Keep(AccountChange change)
        {
            account = change.After;
            recorded.Add(change.Recorded!);
            return change.Recorded!;
        }
        Keep(account.Deposit(2, "market", 40.10m, InNovember));
        Keep(account.Debit(2, "shop", 15.05m, InNovember));
        Keep(account.WithdrawCash(0, "cash", 20m, InNovember));
        Keep(account.Move(0, 1, "rent", 100m, InNovember));
        Keep(account.Pay(0, null, 1100m, "pay day", [new Split(1, 700m), new Split(2, 250m)], InDecember));
        var report = new SpendingReport(November, December);

        foreach (var transaction in recorded) report.Add(transaction);

        var months = report.Months.Select(m => (m.Month, Envelopes: m.Envelopes.ToList())).ToList();
        Assert.Equal([November, December], months.Select(m => m.Month));
        Assert.Equal([(0, 0m, 120m), (1, 100m, 0m), (2, 40.10m, 15.05m)], months[0].Envelopes);
        Assert.Equal([(0, 150m, 0m), (1, 700m, 0m), (2, 250m, 0m)], months[1].Envelopes);
    }

    [Fact]
    public void Add_TheOpeningAndTransactionsOutsideTheRange_AreNotCounted()
    {
        var opened = Account.Open("a", "owner", "Everyday", 500m, canGoNegative: true, InNovember);
        var january = opened.After.Deposit(0, "later", 10m, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        // 00:30 on 1 December at +01:00 is still November in UTC.
        var lateNovember = january.After.Deposit(0, "late", 7m, new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(1)));
        var report = new SpendingReport(November, December);

        report.Add(opened.Recorded!);
        report.Add(january.Recorded!);
        report.Add(lateNovember.Recorded!);

        var months = report.Months.ToList();
        Assert.Equal([(0, 7m, 0m)], months[0].Envelopes);
        Assert.Empty(months[1].Envelopes);
    }

    [Fact]
    public void New_FromAfterTo_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => new SpendingReport(December, November));
        Assert.Equal("from must not be after to.", refused.Message);
    }

    [Fact]
    public void New_MoreThanTenYears_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => new SpendingReport(November, November.AddMonths(SpendingReport.MaxMonths)));
        Assert.Equal($"A report covers at most {SpendingReport.MaxMonths} months.", refused.Message);
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2026-1", null, null)]
    [InlineData("2026-13", null, null)]
    [InlineData("11-2026", null, null)]
    [InlineData("", null, null)]
    public void ParseMonth_TakesYearDashMonthOnly(string text, int? year, int? month)
    {
        Assert.Equal(year is null ? null : new DateOnly(year.Value, month!.Value, 1), SpendingReport.ParseMonth(text));
    }
}
