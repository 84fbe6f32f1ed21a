using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace NVelopes.Grains.Domain.Schedules;

/// <summary>
/// The dates a schedule falls on: an RFC 5545 RRULE expanded by Ical.Net from a start date, each date moved off the
/// weekend as asked, and when each is due (the start of its day in the schedule's time zone). Dates only, so an
/// occurrence never moves with a daylight-saving change; only its due instant does.
/// </summary>
public sealed class Recurrence
{
    public const string DefaultTimeZone = "UTC";
    public const int MaximumRuleLength = 500;

    // A rule that matches nothing for this many steps (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30) is refused rather than
    // searched for ever; a valid rule finds its next date well within it.
    private const int UnmatchedStepsLimit = 5_000;

    // The most a weekend shift moves a date: Sunday to Friday, Saturday to Monday.
    private const int LargestShiftDays = 2;

    private static readonly EvaluationOptions Evaluation = new() { MaxUnmatchedIncrementsLimit = UnmatchedStepsLimit };

    private readonly CalendarEvent _event;

    private Recurrence(string rule, DateOnly starts, TimeZoneInfo zone, WeekendShift weekend, RecurrencePattern pattern)
    {
        Rule = rule;
        Starts = starts;
        Zone = zone;
        Weekend = weekend;
        _event = new CalendarEvent { DtStart = new CalDateTime(starts.Year, starts.Month, starts.Day), RecurrenceRule = pattern };
    }

    public string Rule { get; }
    public DateOnly Starts { get; }
    public TimeZoneInfo Zone { get; }
    public WeekendShift Weekend { get; }

    /// <summary>The recurrence of a rule, refusing a rule, zone or start the domain cannot use, with the reason.</summary>
    public static Recurrence Of(string rule, DateOnly starts, string? timeZone, WeekendShift weekend)
    {
        var text = (rule ?? "").Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)) text = text["RRULE:".Length..];
        if (text.Length == 0) throw DomainException.Invalid("rule cannot be blank: give an RFC 5545 RRULE such as FREQ=MONTHLY;BYMONTHDAY=1.");
        if (text.Length > MaximumRuleLength) throw DomainException.Invalid($"rule must be at most {MaximumRuleLength} characters.");
        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(text);
        }
        catch (Exception invalid) when (invalid is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw DomainException.Invalid($"rule '{text}' is not a valid RFC 5545 RRULE: {invalid.Message}");
        }
        if (pattern.Frequency is < Ical.Net.FrequencyType.Daily)
            throw DomainException.Invalid($"rule '{text}' repeats more often than daily; a schedule happens at most once a day.");
        if (pattern.Interval < 1) throw DomainException.Invalid($"rule '{text}': INTERVAL must be 1 or more.");
        var recurrence = new Recurrence(text, starts, ZoneOf(timeZone), weekend, pattern);
        recurrence.RequireEvaluable();
        return recurrence;
    }

    /// <summary>The time zone an IANA id names (null or blank: UTC), or a refusal naming it.</summary>
    public static TimeZoneInfo ZoneOf(string? timeZone)
    {
        var id = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception unknown) when (unknown is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw DomainException.Invalid($"time_zone '{id}' is not a known IANA time zone (such as Europe/Paris or America/New_York).");
        }
    }

    /// <summary>
    /// The occurrence dates after <paramref name="after"/> (null: all of them), oldest first, each once, moved off
    /// the weekend as asked. Lazy: a rule without COUNT or UNTIL never ends.
    /// </summary>
    public IEnumerable<DateOnly> DatesAfter(DateOnly? after)
    {
        // A date up to two days past the mark may shift back onto or before it, so the expansion starts that early.
        var from = after is { } mark && mark.AddDays(-LargestShiftDays) > Starts ? mark.AddDays(-LargestShiftDays) : Starts;
        DateOnly? last = after;
        foreach (var occurrence in Expand(from))
        {
            var date = Shifted(occurrence);
            if (last is { } previous && date <= previous) continue; // handled already, or two shifted onto one day
            last = date;
            yield return date;
        }
    }

    /// <summary>
    /// When an occurrence on <paramref name="date"/> is due: the first instant of that day in the schedule's zone
    /// (in UTC). Where a daylight-saving change skips midnight, the day starts when the clocks resume; where midnight
    /// happens twice, at the first.
    /// </summary>
    public DateTimeOffset DueAt(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private DateOnly Shifted(DateOnly date) => (Weekend, date.DayOfWeek) switch
    {
        (WeekendShift.Before, DayOfWeek.Saturday) => date.AddDays(-1),
        (WeekendShift.Before, DayOfWeek.Sunday) => date.AddDays(-2),
        (WeekendShift.After, DayOfWeek.Saturday) => date.AddDays(2),
        (WeekendShift.After, DayOfWeek.Sunday) => date.AddDays(1),
        _ => date,
    };

    private IEnumerable<DateOnly> Expand(DateOnly from)
    {
        var start = new CalDateTime(from.Year, from.Month, from.Day);
        using var occurrences = _event.GetOccurrences(start, Evaluation).GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = occurrences.MoveNext();
            }
            catch (EvaluationLimitExceededException)
            {
                yield break; // no further date within reach: the rule has, in effect, ended
            }
            if (!more) yield break;
            yield return DateOnly.FromDateTime(occurrences.Current.Period.StartTime.Value);
        }
    }

    /// <summary>Refuses a rule that finds no date at all, or one that the library cannot expand.</summary>
    private void RequireEvaluable()
    {
        try
        {
            using var occurrences = _event.GetOccurrences(null, Evaluation).GetEnumerator();
            if (!occurrences.MoveNext())
                throw DomainException.Invalid($"rule '{Rule}' has no occurrence on or after {Starts:yyyy-MM-dd}.");
        }
        catch (EvaluationLimitExceededException)
        {
            throw DomainException.Invalid($"rule '{Rule}' matches no date (such as the 30th of February).");
        }
        catch (Exception unusable) when (unusable is ArgumentException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            throw DomainException.Invalid($"rule '{Rule}' cannot be expanded: {unusable.Message}");
        }
    }
}
