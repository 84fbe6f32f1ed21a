using System.Collections.Immutable;

namespace NVelopes.Grains.Domain.Schedules;

/// <summary>
/// A recurring transaction of an account: what it does (<see cref="Kind"/> and the fields that kind uses), when
/// (an RFC 5545 <see cref="Rule"/> from <see cref="Starts"/>, in <see cref="TimeZone"/>, moved off weekends by
/// <see cref="Weekend"/>), and how far it has run: every occurrence dated up to <see cref="HandledThrough"/> has been
/// applied or recorded as failed, and no occurrence after it has. Occurrence dates only grow, so this one date is the
/// whole set of (schedule, date) keys already handled.
/// </summary>
public sealed record Schedule(
    int Id,
    ScheduleKind Kind,
    string Rule,
    DateOnly Starts,
    string TimeZone,
    WeekendShift Weekend,
    string Description,
    int? PaymentSourceId,
    int? EnvelopeId,
    decimal? Amount,
    ImmutableArray<Split> Fills,
    DateOnly? HandledThrough)
{
    /// <summary>The dates this schedule falls on (a method, not a property: the stores serialise the schedule's properties).</summary>
    public Recurrence ToRecurrence() => Recurrence.Of(Rule, Starts, TimeZone, Weekend);

    /// <summary>The occurrences not handled yet, oldest first (lazily: a rule may never end).</summary>
    public IEnumerable<Occurrence> Pending()
    {
        var recurrence = ToRecurrence();
        return recurrence.DatesAfter(HandledThrough).Select(date => new Occurrence(Id, date, recurrence.DueAt(date)));
    }
}
