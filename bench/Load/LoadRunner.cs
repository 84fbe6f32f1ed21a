using System.Diagnostics;
using System.Globalization;

namespace NVelopes.Bench.Load;

/// <summary>
/// Runs <c>concurrency</c> closed-loop clients for one window: each sends its next request as soon as the previous
/// one is answered. What is answered inside the window counts; clients stop sending when it ends and the requests
/// still in flight are awaited (their effects still count in the lost-update checks, which the operations record
/// themselves). A line a second goes to the progress writer.
/// </summary>
internal sealed class LoadRunner(TextWriter progress)
{
    /// <param name="operation">One request: the client's own random source in, the answer's status out.</param>
    public async Task<LoadResult> RunAsync(
        string label, int concurrency, TimeSpan window,
        Func<Random, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        // Each window starts without the garbage of the one before, so neither system pays for the other's
        // collections: both live in this process, and one may allocate several times what the other does.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();

        var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        var measureTo = started + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var answered = 0L;
        var refused = 0L;

        var clients = Enumerable.Range(0, concurrency).Select(client => Task.Run(async () =>
        {
            var random = new Random(unchecked(client * 7919 + 17));
            var measured = new ClientTally();
            while (Stopwatch.GetTimestamp() < measureTo && !cancellationToken.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                var status = await operation(random, cancellationToken);
                var done = Stopwatch.GetTimestamp();
                var acknowledged = LoadClient.IsAcknowledged(status);
                if (acknowledged) Interlocked.Increment(ref answered);
                else Interlocked.Increment(ref refused);
                if (done > measureTo) continue;
                if (acknowledged) measured.Latencies.Add(Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
                else measured.Refused[status] = measured.Refused.GetValueOrDefault(status) + 1;
            }
            return measured;
        }, cancellationToken)).ToArray();

        using var ticker = new CancellationTokenSource();
        var reporting = ReportAsync(label, started, () => (Interlocked.Read(ref answered), Interlocked.Read(ref refused)), ticker.Token);
        var tallies = await Task.WhenAll(clients);
        var processorTime = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        await ticker.CancelAsync();
        await reporting;

        var latencies = tallies.SelectMany(t => t.Latencies).ToArray();
        var refusals = tallies.SelectMany(t => t.Refused).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        return new LoadResult(latencies, refusals, window, processorTime, allocated);
    }

    private async Task ReportAsync(
        string label, long started, Func<(long Answered, long Refused)> totals, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var (lastAnswered, _) = totals();
        var lastRuntime = RuntimeActivity.Read();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var (answered, refused) = totals();
                var runtime = RuntimeActivity.Read();
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  [{label}] {Stopwatch.GetElapsedTime(started).TotalSeconds,5:F1}s {answered - lastAnswered,7} ok/s   total ok {answered}, not ok {refused}   {runtime - lastRuntime}"));
                lastAnswered = answered;
                lastRuntime = runtime;
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private sealed class ClientTally
    {
        public List<double> Latencies { get; } = new(4096);
        public Dictionary<int, long> Refused { get; } = [];
    }
}
