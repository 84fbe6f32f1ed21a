namespace NVelopes.Bench.Load;

/// <summary>What one system did in one or more measured windows.</summary>
/// <param name="Latencies">Milliseconds of every acknowledged (2xx) request answered inside the windows.</param>
/// <param name="Refused">Other answers inside the windows, by status (0: no answer).</param>
/// <param name="Window">The measured time, all windows together.</param>
/// <param name="ProcessorTime">CPU time this process used meanwhile (clients and both servers, not a store server).</param>
/// <param name="AllocatedBytes">Bytes this process allocated meanwhile.</param>
internal sealed record LoadResult(
    IReadOnlyList<double> Latencies, IReadOnlyDictionary<int, long> Refused, TimeSpan Window, TimeSpan ProcessorTime, long AllocatedBytes)
{
    public long Acknowledged => Latencies.Count;

    public double OperationsPerSecond => Acknowledged / Window.TotalSeconds;

    public double P99Milliseconds => Percentile(0.99);

    /// <summary>This process's CPU milliseconds per acknowledged operation: a cost that a busy machine does not skew.</summary>
    public double ProcessorMillisecondsPerOperation => ProcessorTime.TotalMilliseconds / Math.Max(1, Acknowledged);

    /// <summary>
    /// How many cores this process kept busy on average: below the machine's count, the system was waiting (for
    /// its store, for its turn) rather than computing.
    /// </summary>
    public double CoresBusy => ProcessorTime.TotalSeconds / Window.TotalSeconds;

    /// <summary>Kilobytes this process allocated per acknowledged operation (load generator and both servers).</summary>
    public double AllocatedKilobytesPerOperation => AllocatedBytes / 1024.0 / Math.Max(1, Acknowledged);

    /// <summary>The windows of several rounds as one.</summary>
    public static LoadResult Combine(IReadOnlyCollection<LoadResult> rounds) => new(
        [.. rounds.SelectMany(r => r.Latencies)],
        rounds.SelectMany(r => r.Refused).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value)),
        TimeSpan.FromTicks(rounds.Sum(r => r.Window.Ticks)),
        TimeSpan.FromTicks(rounds.Sum(r => r.ProcessorTime.Ticks)),
        rounds.Sum(r => r.AllocatedBytes));

    private double Percentile(double fraction)
    {
        if (Latencies.Count == 0) return double.NaN;
        var sorted = Latencies.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
