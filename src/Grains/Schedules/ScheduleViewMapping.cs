using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Schedules;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Schedules;

namespace NVelopes.Grains.Schedules;

/// <summary>Maps schedules, their occurrences and their events to what crosses the grain boundary.</summary>
internal static class ScheduleViewMapping
{
    /// <summary>How many occurrences to come a schedule view lists.</summary>
    public const int NextOccurrencesShown = 5;

    public static ScheduleView ToView(this Schedule schedule, bool withNext = true) => new(
        schedule.Id,
        schedule.Kind.ToString().ToLowerInvariant(),
        schedule.Rule,
        schedule.Starts,
        schedule.TimeZone,
        schedule.Weekend.ToString().ToLowerInvariant(),
        schedule.Description,
        schedule.PaymentSourceId,
        schedule.EnvelopeId,
        schedule.Amount,
        [.. schedule.Fills.Select(f => new SplitView(f.EnvelopeId, f.Amount))],
        schedule.HandledThrough,
        withNext ? [.. schedule.Pending().Take(NextOccurrencesShown).Select(o => new OccurrenceView(o.Date, o.DueAt))] : []);

    public static ScheduleTerms ToTerms(this ScheduleTermsInput input) => new(
        input.Kind, input.Rule, input.Starts, input.TimeZone, input.Weekend, input.Description, input.PaymentSourceId,
        input.EnvelopeId, input.Amount, input.Fills.IsDefault ? [] : [.. input.Fills.Select(l => new Split(l.EnvelopeId, l.Amount))]);

    /// <summary>What an occurrence's event reports.</summary>
    public static OccurrenceOutcomeView ToOutcome(this AccountEvent occurrence) => occurrence switch
    {
        ScheduledApplied applied => new OccurrenceOutcomeView(applied.ScheduleId, applied.Date, applied.Transaction.Id, null),
        ScheduledFailed failed => new OccurrenceOutcomeView(failed.ScheduleId, failed.Date, null, failed.Reason),
        _ => throw new InvalidOperationException($"{occurrence.Kind} is not an occurrence's event."),
    };

    /// <summary>The schedule part of a logged event as the change feed shows it; null for other events.</summary>
    public static ScheduleEventView? ToScheduleEventView(this AccountEvent recorded) => recorded switch
    {
        ScheduleAdded added => new ScheduleEventView(added.Schedule.Id, Schedule: added.Schedule.ToView(withNext: false)),
        ScheduleChanged changed => new ScheduleEventView(changed.Schedule.Id, Schedule: changed.Schedule.ToView(withNext: false)),
        ScheduleRemoved removed => new ScheduleEventView(removed.Schedule.Id, Schedule: removed.Schedule.ToView(withNext: false)),
        ScheduledApplied applied => new ScheduleEventView(applied.ScheduleId, applied.Date),
        ScheduledFailed failed => new ScheduleEventView(failed.ScheduleId, failed.Date, failed.Reason),
        _ => null,
    };

    public static ImmutableArray<ScheduleView> ToViews(this Account account) => [.. account.Schedules.Select(s => s.ToView())];
}
