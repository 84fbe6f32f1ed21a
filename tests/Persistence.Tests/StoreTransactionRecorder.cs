using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Telemetry;

namespace NVelopes.Persistence.Tests;

/// <summary>
/// Telemetry for a store under test that keeps what the store reports of its transactions: how many account
/// commits each committed transaction held, in order.
/// </summary>
internal sealed class StoreTransactionRecorder : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<int> _commitsPerTransaction = new();

    public StoreTransactionRecorder()
    {
        Telemetry = new NVelopesTelemetry(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument == Telemetry.CommitsPerStoreTransaction) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((_, commits, _, _) => _commitsPerTransaction.Enqueue(commits));
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

    public void Dispose()
    {
        _listener.Dispose();
        Telemetry.Dispose();
        _services.Dispose();
    }
}
