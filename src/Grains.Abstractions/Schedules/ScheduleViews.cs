using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Abstractions.Schedules;

/// <summary>One occurrence to come: its date and when it is due (the start of that day in the schedule's zone).</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.OccurrenceView")]
public sealed record OccurrenceView(DateOnly Date, DateTimeOffset DueAt);

/// <summary>
/// A schedule with how far it has run (<see cref="HandledThrough"/>: every occurrence up to that date is applied or
/// failed) and its <see cref="Next"/> occurrences not handled yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ScheduleView")]
public sealed record ScheduleView(
    int Id,
    string Kind,
    string Rule,
    DateOnly Starts,
    string TimeZone,
    string Weekend,
    string Description,
    int? PaymentSourceId,
    int? EnvelopeId,
    decimal? Amount,
    ImmutableArray<SplitView> Fills,
    DateOnly? HandledThrough,
    ImmutableArray<OccurrenceView> Next);

/// <summary>What became of one occurrence: the transaction it recorded, or why it failed.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.OccurrenceOutcomeView")]
public sealed record OccurrenceOutcomeView(int ScheduleId, DateOnly Date, long? TransactionId, string? FailedReason);

/// <summary>A schedule after a change, the account version after the change and the occurrences applied meanwhile, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ScheduleUpdate")]
public sealed record ScheduleUpdate(ScheduleView Schedule, long Version, ImmutableArray<OccurrenceOutcomeView> Applied);

[GenerateSerializer, Immutable, Alias("NVelopes.ScheduleList")]
public sealed record ScheduleList(long Version, ImmutableArray<ScheduleView> Schedules);

/// <summary>
/// What a schedule event of the log says: the schedule (added, changed or removed, as it is after the event), or
/// the occurrence (<see cref="ScheduleId"/>, <see cref="Date"/>) that was applied or failed and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ScheduleEventView")]
public sealed record ScheduleEventView(int ScheduleId, DateOnly? Date = null, string? Reason = null, ScheduleView? Schedule = null);
