using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Telemetry;

namespace NVelopes.Persistence.Tests;

/// <summary>
/// Telemetry for a store under test that keeps what the store reports of its transactions, in order: how many
/// account commits each committed transaction held, and each batch its writer settled with its outcome tag.
/// </summary>
internal sealed class StoreTransactionRecorder : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<int> _commitsPerTransaction = new();
    private readonly ConcurrentQueue<(int Commits, string Outcome)> _batches = new();

    public StoreTransactionRecorder()
    {
        Telemetry = new NVelopesTelemetry(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument == Telemetry.CommitsPerStoreTransaction || instrument == Telemetry.CommitsPerStoreBatch)
                listener.EnableMeasurementEvents(instrument);
        };
        // Called synchronously by Record, so each queue keeps the order the writer reported in.
        _listener.SetMeasurementEventCallback<int>((instrument, commits, tags, _) =>
        {
            if (instrument == Telemetry.CommitsPerStoreTransaction) _commitsPerTransaction.Enqueue(commits);
            else _batches.Enqueue((commits, OutcomeOf(tags)));
        });
        _listener.Start();
    }

    public NVelopesTelemetry Telemetry { get; }

    public IReadOnlyList<int> CommitsPerTransaction => [.. _commitsPerTransaction];

    /// <summary>Waits until <paramref name="expected"/> transactions were reported (at most 10 s), then compares them.</summary>
    public async Task ReportedAsync(params int[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_commitsPerTransaction.Count < expected.Length && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(expected, CommitsPerTransaction);
    }

    /// <summary>
    /// Waits until <paramref name="expected"/> batches were reported (at most 10 s), then compares them; a batch is
    /// reported once its callers have their outcomes.
    /// </summary>
    public async Task BatchesSettledAsync(params (int Commits, string Outcome)[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_batches.Count < expected.Length && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(expected, _batches.ToArray());
    }

    public void Dispose()
    {
        _listener.Dispose();
        Telemetry.Dispose();
        _services.Dispose();
    }

    private static string OutcomeOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
            if (tag.Key == "outcome") return (string)tag.Value!;
        throw new InvalidOperationException("A batch was reported without its outcome.");
    }
}
