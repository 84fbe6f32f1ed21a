namespace NVelopes.Grains.Domain.Schedules;

/// <summary>One occurrence of a schedule: its key (schedule, date) and when it is due, the start of that day in the schedule's zone.</summary>
public sealed record Occurrence(int ScheduleId, DateOnly Date, DateTimeOffset DueAt);
