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
}
