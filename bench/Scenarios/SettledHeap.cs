namespace NVelopes.Bench.Scenarios;

/// <summary>Weighs the managed heap of this process for the scenarios that report memory.</summary>
internal static class SettledHeap
{
    private const int SettleAttempts = 10;
    private static readonly TimeSpan SettlePause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The live heap once it stops shrinking: what a finished load leaves behind for a moment (its last batches, the
    /// thread pool's work items) would otherwise count against one side of the difference.
    /// </summary>
    public static async Task<long> WeighAsync(CancellationToken cancellationToken)
    {
        var weight = Weigh();
        for (var attempt = 0; attempt < SettleAttempts; attempt++)
        {
            await Task.Delay(SettlePause, cancellationToken);
            var again = Weigh();
            var settled = Math.Abs(again - weight) < weight / 200;
            weight = again;
            if (settled) break;
        }
        return weight;
    }

    private static long Weigh()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
