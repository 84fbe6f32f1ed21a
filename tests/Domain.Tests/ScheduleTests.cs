using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Schedules;
using static NVelopes.Domain.Tests.Builders.Schedules;

namespace NVelopes.Domain.Tests;

/// <summary>Schedules on an account: what an occurrence records, that each is handled once, oldest first, and what is refused.</summary>
public sealed class ScheduleTests
{
    private static readonly DateTimeOffset March14 = TestClock.Now; // 2025-03-14 09:26 UTC

    [Fact]
    public void PayOccurrence_IsAPaidTransactionDatedItsDueDate_WithTheSourcesSplit()
    {
        var ledger = AnAccount.Opened(0m).WithEnvelopes("Rent").WithPaymentSource("Acme", 1000m, new Split(1, 600m)).BuildLedger();
        ledger.Apply(a => a.AddSchedule(Pay(0, 1500m, "FREQ=MONTHLY;BYMONTHDAY=1", "2025-03-01", "Europe/Paris"), March14));

        var due = ledger.Account.NextDueOccurrence(March14)!;
        var change = ledger.Apply(a => a.ApplyOccurrence(due));

        var applied = Assert.IsType<ScheduledApplied>(change.Event);
        Assert.Equal((1, D("2025-03-01")), (applied.ScheduleId, applied.Date));
        Assert.Equal(At("2025-02-28T23:00:00Z"), applied.Transaction.Date); // midnight in Paris
        Assert.Equal(TransactionKind.Pay, applied.Transaction.Kind);
        Assert.Equal([900m, 600m], ledger.Account.Balances());
        Assert.Equal(D("2025-03-01"), ledger.Account.ScheduleById(1).HandledThrough);
        Assert.Null(ledger.Account.NextDueOccurrence(March14)); // April is not due yet
    }

    [Fact]
    public void FillLargerThanAvailable_IsRecordedAsFailed_NotRetried_AndTheScheduleGoesOn()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Food", "Fun").BuildLedger();
        ledger.Apply(a => a.AddSchedule(Fill("FREQ=WEEKLY;BYDAY=MO", "2025-03-03", new Split(1, 60m), new Split(2, 20m)), March14));

        var first = ledger.Apply(a => a.ApplyOccurrence(a.NextDueOccurrence(March14)!)); // Monday 3 March: 80 of 100
        var second = ledger.Apply(a => a.ApplyOccurrence(a.NextDueOccurrence(March14)!)); // Monday 10 March: 80 of 20

        Assert.Equal(TransactionKind.Fill, Assert.IsType<ScheduledApplied>(first.Event).Transaction.Kind);
        var failed = Assert.IsType<ScheduledFailed>(second.Event);
        Assert.Equal(D("2025-03-10"), failed.Date);
        Assert.Contains("Not enough money in 'Available'", failed.Reason);
        Assert.Equal([20m, 60m, 20m], ledger.Account.Balances());
        Assert.Null(ledger.Account.NextDueOccurrence(March14));
        Assert.Equal(D("2025-03-17"), ledger.Account.NextDueOccurrence(At("2025-03-17T00:00:00Z"))!.Date);
    }

    [Fact]
    public void DueOccurrences_ComeOldestFirst_AcrossSchedules_EachOnce()
    {
        var ledger = AnAccount.Opened(1000m).WithEnvelopes("Rent").BuildLedger();
        ledger.Apply(a => a.AddSchedule(Debit(1, 1m, "FREQ=MONTHLY;BYMONTHDAY=10", "2025-01-01"), March14));
        ledger.Apply(a => a.AddSchedule(Debit(1, 2m, "FREQ=MONTHLY;BYMONTHDAY=5", "2025-01-01"), March14));
        Assert.Equal(6, ledger.Account.CountDueOccurrences(March14));

        var order = new List<(int, DateOnly)>();
        while (ledger.Account.NextDueOccurrence(March14) is { } due)
        {
            var applied = (ScheduledApplied)ledger.Apply(a => a.ApplyOccurrence(due)).Event;
            order.Add((applied.ScheduleId, applied.Date));
        }

        Assert.Equal([(2, D("2025-01-05")), (1, D("2025-01-10")), (2, D("2025-02-05")), (1, D("2025-02-10")),
            (2, D("2025-03-05")), (1, D("2025-03-10"))], order);
        Assert.Equal(0, ledger.Account.CountDueOccurrences(March14));
        Assert.Throws<InvalidOperationException>(() => ledger.Account.ApplyOccurrence(new Occurrence(1, D("2025-03-10"), At("2025-03-10T00:00:00Z"))));
        var folded = ledger.Events.Skip(1).Aggregate(Account.Opened((AccountOpened)ledger.Events[0]), (account, e) => account.Apply(e));
        Assert.Equal(AccountState.Of(ledger.Account), AccountState.Of(folded));
    }

    [Fact]
    public void UndoOfAScheduledTransaction_ReversesIt_AndTheOccurrenceStaysHandled()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Rent").BuildLedger();
        ledger.Apply(a => a.AddSchedule(Debit(1, 30m, "FREQ=MONTHLY;BYMONTHDAY=1", "2025-03-01"), March14));
        ledger.Apply(a => a.ApplyOccurrence(a.NextDueOccurrence(March14)!));

        ledger.Undo();

        Assert.Equal([100m, 0m], ledger.Account.Balances());
        Assert.Null(ledger.Account.NextDueOccurrence(March14));
        var redone = ledger.Redo();
        Assert.Equal(-30m, redone.Recorded!.Amount);
    }

    [Fact]
    public void ChangingASchedule_KeepsHowFarItHasRun()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Rent").BuildLedger();
        ledger.Apply(a => a.AddSchedule(Debit(1, 30m, "FREQ=MONTHLY;BYMONTHDAY=1", "2025-03-01"), March14));
        ledger.Apply(a => a.ApplyOccurrence(a.NextDueOccurrence(March14)!));

        ledger.Apply(a => a.ChangeSchedule(1, Debit(1, 40m, "FREQ=MONTHLY;BYMONTHDAY=1", "2025-01-01"), March14));

        Assert.Equal(D("2025-03-01"), ledger.Account.ScheduleById(1).HandledThrough);
        Assert.Null(ledger.Account.NextDueOccurrence(March14)); // January and February come before the mark
        Assert.Equal(40m, ledger.Account.ScheduleById(1).Amount);
    }

    [Fact]
    public void RemovingASchedule_LeavesNothingDue_AndItsIdIsNotReused()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Rent").BuildLedger();
        ledger.Apply(a => a.AddSchedule(Debit(1, 30m, "FREQ=DAILY", "2025-03-10"), March14));

        ledger.Apply(a => a.RemoveSchedule(1));
        ledger.Apply(a => a.AddSchedule(Debit(1, 30m, "FREQ=DAILY", "2025-03-20"), March14));

        Assert.Null(ledger.Account.NextDueOccurrence(March14));
        Assert.Equal([2], ledger.Account.Schedules.Select(s => s.Id));
        Refused.By(ledger.Account, a => a.RemoveSchedule(1), DomainErrorKind.NotFound);
    }

    [Theory]
    [InlineData("monthly", "kind must be")]
    [InlineData("pay without source", "names a payment_source_id")]
    [InlineData("pay of an unknown source", "No payment source exists")]
    [InlineData("pay below the split", "must equal or exceed")]
    [InlineData("debit with fills", "does not use fills")]
    [InlineData("debit of an unknown envelope", "No envelope exists")]
    [InlineData("debit of three decimals", "whole number of cents")]
    [InlineData("fill of Available", "cannot be filled")]
    [InlineData("fill of nothing", "at least one envelope")]
    [InlineData("fill twice into one envelope", "more than once")]
    [InlineData("weekend sometimes", "weekend must be")]
    [InlineData("start ten years ago", "too far in the past")]
    public void BadTerms_AreRefused_WithTheReason_AndChangeNothing(string terms, string reason)
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Rent").WithPaymentSource("Acme", 500m, new Split(1, 300m)).Build();
        var monthly = "FREQ=MONTHLY;BYMONTHDAY=1";
        var asked = terms switch
        {
            "monthly" => Debit(1, 1m, monthly, "2025-04-01") with { Kind = "monthly" },
            "pay without source" => Pay(0, 500m, monthly, "2025-04-01") with { PaymentSourceId = null },
            "pay of an unknown source" => Pay(7, 500m, monthly, "2025-04-01"),
            "pay below the split" => Pay(0, 200m, monthly, "2025-04-01"),
            "debit with fills" => Debit(1, 1m, monthly, "2025-04-01") with { Fills = [new Split(1, 1m)] },
            "debit of an unknown envelope" => Debit(9, 1m, monthly, "2025-04-01"),
            "debit of three decimals" => Debit(1, 1.005m, monthly, "2025-04-01"),
            "fill of Available" => Fill(monthly, "2025-04-01", new Split(0, 1m)),
            "fill of nothing" => Fill(monthly, "2025-04-01"),
            "fill twice into one envelope" => Fill(monthly, "2025-04-01", new Split(1, 1m), new Split(1, 2m)),
            "weekend sometimes" => Debit(1, 1m, monthly, "2025-04-01", weekend: "sometimes"),
            _ => Debit(1, 1m, "FREQ=DAILY", "2015-03-14"),
        };

        var error = Refused.By(account, a => a.AddSchedule(asked, March14), terms.Contains("unknown") ? DomainErrorKind.NotFound : DomainErrorKind.Invalid);

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void ASchedulePastTheLimit_IsRefused()
    {
        var ledger = AnAccount.Opened(100m).WithEnvelopes("Rent").BuildLedger();
        for (var i = 0; i < AccountLimits.SchedulesPerAccount; i++)
            ledger.Apply(a => a.AddSchedule(Debit(1, 1m, "FREQ=MONTHLY", "2026-01-01"), March14));

        var error = Refused.By(ledger.Account, a => a.AddSchedule(Debit(1, 1m, "FREQ=MONTHLY", "2026-01-01"), March14), DomainErrorKind.Invalid);

        Assert.Contains($"at most {AccountLimits.SchedulesPerAccount} schedules", error.Message);
    }
}
