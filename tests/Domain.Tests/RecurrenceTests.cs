using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Schedules;
using static NVelopes.Domain.Tests.Builders.Schedules;

namespace NVelopes.Domain.Tests;

/// <summary>Which dates a rule falls on, how weekends move them, and when each is due in its time zone.</summary>
public sealed class RecurrenceTests
{
    [Fact]
    public void MonthDay31_SkipsMonthsWithout31Days_AsRfc5545Says()
    {
        Assert.Equal([D("2025-01-31"), D("2025-03-31"), D("2025-05-31"), D("2025-07-31")],
            Dates("FREQ=MONTHLY;BYMONTHDAY=31", "2025-01-01", 4));
    }

    [Fact]
    public void LastDayOfTheMonth_IsTheLastDayOfEachMonth_LeapFebruaryIncluded()
    {
        Assert.Equal([D("2024-01-31"), D("2024-02-29"), D("2024-03-31"), D("2024-04-30")],
            Dates("FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-01", 4));
        Assert.Equal(D("2025-02-28"), Dates("FREQ=MONTHLY;BYMONTHDAY=-1", "2025-02-01", 1)[0]);
    }

    [Fact]
    public void LeapDay_OccursOnlyInLeapYears()
    {
        Assert.Equal([D("2024-02-29"), D("2028-02-29"), D("2032-02-29")],
            Dates("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2023-01-01", 3));
    }

    [Fact]
    public void LastWorkingDay_IsTheLastWeekdayOfEachMonth()
    {
        // August 2025 ends on a Sunday, May 2025 on a Saturday.
        Assert.Equal([D("2025-05-30"), D("2025-06-30"), D("2025-07-31"), D("2025-08-29")],
            Dates("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2025-05-01", 4));
    }

    [Fact]
    public void EveryOtherFriday_StartsOnTheFirstFridayFromTheStart()
    {
        Assert.Equal([D("2025-01-03"), D("2025-01-17"), D("2025-01-31")],
            Dates("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2025-01-01", 3));
    }

    [Theory]
    [InlineData("keep", "2025-02-01", "2025-06-01")] // a Saturday and a Sunday
    [InlineData("before", "2025-01-31", "2025-05-30")]
    [InlineData("after", "2025-02-03", "2025-06-02")]
    public void WeekendShift_MovesSaturdaysAndSundaysToTheFridayBeforeOrTheMondayAfter(string weekend, string february, string june)
    {
        var dates = Dates("FREQ=MONTHLY;BYMONTHDAY=1", "2025-02-01", 5, weekend);

        Assert.Equal(D(february), dates[0]);
        Assert.Equal(D(june), dates[4]);
    }

    [Fact]
    public void WeekendShift_OfADailyRule_CollapsesTheWeekendIntoOneOccurrence()
    {
        // Friday 3 Jan 2025, then Saturday and Sunday move onto Monday 6, which happens once.
        Assert.Equal([D("2025-01-03"), D("2025-01-06"), D("2025-01-07")], Dates("FREQ=DAILY", "2025-01-03", 3, "after"));
        Assert.Equal([D("2025-01-03"), D("2025-01-06"), D("2025-01-07")], Dates("FREQ=DAILY", "2025-01-03", 3, "before"));
    }

    [Fact]
    public void DatesAfter_AMark_ContinuesPastIt_EvenWhenTheNextDateShiftsBackOntoIt()
    {
        var recurrence = Recurrence.Of("FREQ=MONTHLY;BYMONTHDAY=1", D("2025-01-01"), null, WeekendShift.Before);

        // 1 Feb and 1 Mar 2025 are Saturdays: they fall on Friday 31 Jan and Friday 28 Feb.
        Assert.Equal([D("2025-02-28"), D("2025-04-01")], recurrence.DatesAfter(D("2025-01-31")).Take(2));
        Assert.Equal([D("2025-01-31")], recurrence.DatesAfter(D("2025-01-01")).Take(1));
    }

    [Fact]
    public void DueAt_IsTheStartOfTheDayInTheZone_AcrossASpringForwardAndAFallBack()
    {
        var berlin = Recurrence.Of("FREQ=DAILY", D("2025-03-29"), "Europe/Berlin", WeekendShift.Keep);

        Assert.Equal(At("2025-03-29T23:00:00Z"), berlin.DueAt(D("2025-03-30"))); // midnight is still winter time, +01:00
        Assert.Equal(At("2025-03-30T22:00:00Z"), berlin.DueAt(D("2025-03-31"))); // summer time, +02:00
        Assert.Equal(At("2025-10-25T22:00:00Z"), berlin.DueAt(D("2025-10-26")));
        Assert.Equal(At("2025-10-26T23:00:00Z"), berlin.DueAt(D("2025-10-27")));
    }

    [Fact]
    public void DueAt_OnADayWhoseMidnightIsSkipped_IsWhenTheClocksResume()
    {
        // Chile moves its clocks from 00:00 to 01:00 on 7 September 2025: that day starts at 01:00 -03:00.
        var santiago = Recurrence.Of("FREQ=DAILY", D("2025-09-01"), "America/Santiago", WeekendShift.Keep);

        Assert.Equal(At("2025-09-07T04:00:00Z"), santiago.DueAt(D("2025-09-07")));
        Assert.Equal(At("2025-09-06T04:00:00Z"), santiago.DueAt(D("2025-09-06"))); // the day before: 00:00 -04:00
    }

    [Fact]
    public void DueAt_InUtc_IsMidnightUtc_AndTheDatesDoNotMoveWithTheZone()
    {
        var utc = Recurrence.Of("FREQ=MONTHLY;BYMONTHDAY=1", D("2025-01-01"), null, WeekendShift.Keep);
        var tokyo = Recurrence.Of("FREQ=MONTHLY;BYMONTHDAY=1", D("2025-01-01"), "Asia/Tokyo", WeekendShift.Keep);

        Assert.Equal(At("2025-01-01T00:00:00Z"), utc.DueAt(D("2025-01-01")));
        Assert.Equal(At("2024-12-31T15:00:00Z"), tokyo.DueAt(D("2025-01-01")));
        Assert.Equal(utc.DatesAfter(null).Take(3), tokyo.DatesAfter(null).Take(3));
    }

    [Fact]
    public void CountAndUntil_EndTheRule()
    {
        Assert.Equal(3, Recurrence.Of("FREQ=WEEKLY;COUNT=3", D("2025-01-01"), null, WeekendShift.Keep).DatesAfter(null).Count());
        Assert.Equal([D("2025-01-01"), D("2025-02-01")],
            Recurrence.Of("RRULE:FREQ=MONTHLY;UNTIL=20250215", D("2025-01-01"), null, WeekendShift.Keep).DatesAfter(null));
    }

    [Theory]
    [InlineData("", "blank")]
    [InlineData("FREQ=SOMETIMES", "not a valid")]
    [InlineData("BYMONTHDAY=1", "not a valid")]
    [InlineData("FREQ=HOURLY", "more often than daily")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "matches no date")]
    public void AnUnusableRule_IsRefused_WithTheReason(string rule, string reason)
    {
        var error = Assert.Throws<DomainException>(() => Recurrence.Of(rule, D("2025-01-01"), null, WeekendShift.Keep));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Pariss")]
    public void AnUnknownTimeZone_IsRefused_NamingIt(string zone)
    {
        var error = Assert.Throws<DomainException>(() => Recurrence.Of("FREQ=DAILY", D("2025-01-01"), zone, WeekendShift.Keep));

        Assert.Contains(zone, error.Message);
    }
}
