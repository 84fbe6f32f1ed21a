namespace NVelopes.Grains.Schedules;

/// <summary>
/// The clock that says which occurrences are due. Apart from the silo's <see cref="TimeProvider"/>, which Orleans'
/// own timers, reminders and membership also read: a test moves this one days ahead without the cluster noticing.
/// </summary>
public sealed class ScheduleClock(TimeProvider time)
{
    public static readonly ScheduleClock System = new(TimeProvider.System);

    public DateTimeOffset Now() => time.GetUtcNow();
}
