namespace NVelopes.Web.Contracts;

/// <summary>The answer of adding or changing a schedule: the schedule and the occurrences applied at once.</summary>
public sealed record ScheduleChange(Schedule Schedule, IReadOnlyList<OccurrenceOutcome> Applied);
