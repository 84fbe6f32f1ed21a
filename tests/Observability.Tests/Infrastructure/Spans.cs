using System.Diagnostics;

namespace NVelopes.Observability.Tests.Infrastructure;

public static class Spans
{
    /// <summary>The spans of one trace.</summary>
    public static IReadOnlyList<Activity> InTrace(this ExportedItems<Activity> spans, ActivityTraceId traceId) =>
        [.. spans.Snapshot().Where(span => span.TraceId == traceId)];

    /// <summary>Waits, up to <paramref name="timeout"/>, until the spans of <paramref name="traceId"/> satisfy <paramref name="complete"/>.</summary>
    public static async Task<IReadOnlyList<Activity>> WaitForTraceAsync(
        this ExportedItems<Activity> spans, ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var trace = spans.InTrace(traceId);
            if (complete(trace) || DateTime.UtcNow > deadline) return trace;
            await Task.Delay(50);
        }
    }

    /// <summary>A W3C <c>traceparent</c> header value that starts a sampled trace with <paramref name="traceId"/>.</summary>
    public static string TraceParent(ActivityTraceId traceId) => $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";
}
