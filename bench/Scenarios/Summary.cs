using System.Globalization;
using NVelopes.Bench.Load;
using NVelopes.Bench.Targets;

namespace NVelopes.Bench.Scenarios;

internal static class Summary
{
    /// <summary>A progress line after a system's run: its figures, what it refused and what it lost.</summary>
    public static string Of(ISystemUnderTest system, LoadResult load, long acknowledgedDeposits, long lost)
    {
        var refused = load.Refused.Count == 0
            ? "none"
            : string.Join(", ", load.Refused.OrderBy(r => r.Key).Select(r => $"{(r.Key == 0 ? "no answer" : r.Key.ToString(CultureInfo.InvariantCulture))}: {r.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"  {system.Name}: {load.OperationsPerSecond:F1} ok/s, p99 {load.P99Milliseconds:F1} ms, {load.ProcessorMillisecondsPerOperation:F2} ms CPU and {load.AllocatedKilobytesPerOperation:F0} KB allocated in this process per ok ({load.CoresBusy:F2} of {Environment.ProcessorCount} cores busy), not ok: {refused}; acknowledged deposits {acknowledgedDeposits}, lost {lost}");
    }
}
