namespace NVelopes.Grains.Schedules;

/// <summary>How often an account with schedules looks for due occurrences (section <c>Schedules</c>).</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Schedules";

    /// <summary>
    /// The period of each account's schedule reminder, and so the longest an occurrence waits past its due time,
    /// also after the service was down. Orleans refuses periods below its <c>MinimumReminderPeriod</c> (1 minute by
    /// default). Default: 1 minute.
    /// </summary>
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many occurrences are handed to the account's writer at once during a catch-up (they share its group commits).</summary>
    public int OccurrencesPerBatch { get; set; } = 64;
}
