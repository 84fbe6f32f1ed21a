using System.Diagnostics;
using NVelopes.Grains.Telemetry;
using NVelopes.Observability.Tests.Infrastructure;
using OpenTelemetry.Metrics;

namespace NVelopes.Observability.Tests;

/// <summary>The product metrics reach the gateway's OpenTelemetry meter provider and move with the work done.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly ObservedApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Deposit_CountsOneDepositOperation_AndRecordsTheStoreWrite()
    {
        var client = await ApiClient.SignUpAsync(_factory);
        var accountId = await client.OpenAccountAsync();
        _factory.FlushMetrics();
        var depositsBefore = OperationCount("deposit", "ok");
        var writesBefore = HistogramCount("nvelopes.store.write.duration", ("store", "sqlite"));
        var transactionsBefore = HistogramCount("nvelopes.store.commits_per_transaction", ("store", "sqlite"));

        await client.DepositAsync(accountId, 5m, Spans.TraceParent(ActivityTraceId.CreateRandom()));
        _factory.FlushMetrics();

        Assert.Equal(depositsBefore + 1, OperationCount("deposit", "ok"));
        Assert.True(HistogramCount("nvelopes.store.write.duration", ("store", "sqlite")) > writesBefore,
            "The deposit's durable write was not measured.");
        Assert.True(HistogramCount("nvelopes.account.commands_per_write") > 0, "No commands-per-write sample.");
        Assert.True(HistogramCount("nvelopes.store.commits_per_transaction", ("store", "sqlite")) > transactionsBefore,
            "The store's transaction holding the deposit was not reported.");
        Assert.Contains(_factory.Metrics, metric => metric.MeterName == "Microsoft.Orleans");
        Assert.Contains(_factory.Metrics, metric => metric.Name == "http.server.request.duration");
    }

    private long OperationCount(string operation, string outcome) =>
        Points("nvelopes.account.operations", ("operation", operation), ("outcome", outcome)).Sum(point => point.GetSumLong());

    private long HistogramCount(string name, params (string Key, string Value)[] tags) =>
        Points(name, tags).Sum(point => point.GetHistogramCount());

    private IEnumerable<MetricPoint> Points(string name, params (string Key, string Value)[] tags) =>
        _factory.Metrics
            .Where(metric => metric.MeterName == NVelopesTelemetry.Name && metric.Name == name)
            .SelectMany(metric => metric.MetricPoints)
            .Where(point => tags.All(tag => HasTag(point, tag.Key, tag.Value)));

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value)) return true;
        }
        return false;
    }
}
