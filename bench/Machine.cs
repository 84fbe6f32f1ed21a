namespace NVelopes.Bench;

internal static class Machine
{
    /// <summary>The CPU model as /proc/cpuinfo names it, or "unknown CPU" elsewhere.</summary>
    public static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return "unknown CPU";
        var model = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? "unknown CPU" : model[(model.IndexOf(':') + 1)..].Trim();
    }

    /// <summary>The 1, 5 and 15-minute load averages from /proc/loadavg: how much else competed for the cores.</summary>
    public static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(' ', File.ReadAllText(loadAverage).Split(' ').Take(3)) : "unknown";
    }
}
