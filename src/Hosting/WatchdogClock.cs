using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace NVelopes.Hosting;

/// <summary>
/// The clock of Orleans' silo watchdog, whose timestamps count from the watchdog's creation instead of the machine's
/// boot. Why: Orleans 10.4 starts the watchdog's platform thread before it stamps the component thread's start, and
/// that thread's first look finds the stamp still 0 on a healthy start, so it logged "Participant check thread has
/// not completed for" the time since the machine booted (its uptime), "potentially indicating … deadlock". From this
/// clock a missing stamp reads as the time since the watchdog was made, a second or two, and a real stall is
/// measured exactly as before (every stamp and every reading is from this clock).
/// </summary>
public sealed class WatchdogClock : TimeProvider
{
    private const string WatchdogTypeName = "Orleans.Runtime.Watchdog";
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override long GetTimestamp() => Stopwatch.GetTimestamp() - _origin;

    public override long TimestampFrequency => Stopwatch.Frequency;

    /// <summary>
    /// Has the silo create its watchdog with a <see cref="WatchdogClock"/>; false when this Orleans has no such
    /// watchdog registration (then nothing changes, and the start-up test says so).
    /// </summary>
    public static bool UseForWatchdog(IServiceCollection services)
    {
        var registration = services.LastOrDefault(service => service.ServiceType.FullName == WatchdogTypeName && !service.IsKeyedService);
        if (registration is null) return false;
        var watchdog = registration.ServiceType;
        services.Remove(registration);
        services.AddSingleton(watchdog, provider => ActivatorUtilities.CreateInstance(provider, watchdog, new WatchdogClock()));
        return true;
    }
}
