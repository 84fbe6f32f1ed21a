using System.Globalization;
using NVelopes.Bench.Load;

namespace NVelopes.Bench.Scenarios;

/// <summary>The RESULT lines on stdout, in invariant culture so that any machine prints the same format.</summary>
internal static class ResultLine
{
    public static string Comparison(string scenario, string store, LoadResult nvelopes, LoadResult baseline, long lostNVelopes, long lostBaseline) =>
        Invariant($"RESULT scenario={scenario} store={store} nvelopes_ops_s={nvelopes.OperationsPerSecond:F1} baseline_ops_s={baseline.OperationsPerSecond:F1} ratio={Ratio(nvelopes.OperationsPerSecond, baseline.OperationsPerSecond)} nvelopes_p99_ms={nvelopes.P99Milliseconds:F1} baseline_p99_ms={baseline.P99Milliseconds:F1} lost_updates_nvelopes={lostNVelopes} lost_updates_baseline={lostBaseline}");

    public static string Paging(string store, double firstPageMilliseconds, double deepPageMilliseconds) =>
        Invariant($"RESULT scenario=deep-paging store={store} page0_ms={firstPageMilliseconds:F2} pageN_ms={deepPageMilliseconds:F2} ratio={Ratio(deepPageMilliseconds, firstPageMilliseconds)}");

    public static string Memory(string store, long bytesPerAccount) =>
        Invariant($"RESULT scenario=memory store={store} bytes_per_account={bytesPerAccount}");

    public static string Feed(
        string store, int subscribers, int accounts, int delivered, long missed, long duplicates, double deliveryP99, double writeP99, long bytesPerSubscriber) =>
        Invariant($"RESULT scenario=feed store={store} subscribers={subscribers} accounts={accounts} events_delivered={delivered} missed={missed} duplicates={duplicates} delivery_p99_ms={deliveryP99:F1} write_p99_ms={writeP99:F1} ratio={Ratio(deliveryP99, writeP99)} bytes_per_subscriber={bytesPerSubscriber}");

    public static string Limits(string store, LimitsFigures figures) =>
        Invariant($"RESULT scenario=limits store={store} unknown_ids={figures.UnknownIds} unknown_404={figures.UnknownNotFound} activations_before={figures.ActivationsBefore} activations_after_unknown={figures.ActivationsAfterUnknown} heap_before_kb={figures.HeapBefore / 1024} heap_after_half_unknown_kb={figures.HeapAfterHalfUnknown / 1024} heap_after_unknown_kb={figures.HeapAfterUnknown / 1024} heap_after_envelopes_kb={figures.HeapAfterEnvelopes / 1024} working_set_before_mb={figures.WorkingSetBefore / 1024 / 1024} working_set_after_unknown_mb={figures.WorkingSetAfterUnknown / 1024 / 1024} working_set_after_envelopes_mb={figures.WorkingSetAfterEnvelopes / 1024 / 1024} envelopes_added={figures.EnvelopesAdded} envelopes_refused={figures.EnvelopesRefused} envelope_add_p99_ms={figures.EnvelopeAddP99Milliseconds:F1}");

    public static string Import(
        string store, string format, bool dryRun, int lines, double linesPerSecond, double medianMilliseconds, long peakHeapBytes,
        double baselineLinesPerSecond) =>
        Invariant($"RESULT scenario=import store={store} format={format} mode={(dryRun ? "dry_run" : "import")} lines={lines} lines_s={linesPerSecond:F0} median_ms={medianMilliseconds:F1} peak_heap_mb={peakHeapBytes / 1024.0 / 1024.0:F1} baseline_lines_s={baselineLinesPerSecond:F0} ratio={Ratio(linesPerSecond, baselineLinesPerSecond)}");

    private static string Ratio(double numerator, double denominator) =>
        denominator > 0 ? (numerator / denominator).ToString("F2", CultureInfo.InvariantCulture) : "inf";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
