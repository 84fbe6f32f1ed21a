using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Telemetry;
using NVelopes.Observability.Tests.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace NVelopes.Observability.Tests;

/// <summary>One request, one trace: the HTTP span, the grain call and the store commit share a trace id.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class TracingTests : IAsyncLifetime
{
    private const string AspNetCoreSource = "Microsoft.AspNetCore";
    private static readonly TimeSpan SpanWait = TimeSpan.FromSeconds(10);

    private readonly ObservedApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Deposit_IsOneTraceFromTheHttpRequestThroughTheAccountGrainToTheStoreCommit()
    {
        var client = await ApiClient.SignUpAsync(_factory);
        var accountId = await client.OpenAccountAsync();
        var traceId = ActivityTraceId.CreateRandom();

        await client.DepositAsync(accountId, 12.34m, Spans.TraceParent(traceId));

        var spans = await _factory.Spans.WaitForTraceAsync(traceId,
            found => found.Any(IsHttpRequest) && found.Any(IsAccountGrainCall) && found.Any(IsStoreCommit), SpanWait);
        var seen = Describe(spans);
        var http = Assert.Single(spans, IsHttpRequest);
        Assert.Equal("/accounts/deposit", http.GetTagItem("url.path"));
        var grainCall = spans.FirstOrDefault(IsAccountGrainCall);
        Assert.True(grainCall is not null, $"No account grain call span in the trace: {seen}");
        Assert.Equal(accountId, grainCall.GetTagItem("nvelopes.account_id"));
        var commit = spans.FirstOrDefault(IsStoreCommit);
        Assert.True(commit is not null, $"No store commit span in the trace: {seen}");
        Assert.Equal(accountId, commit.GetTagItem("nvelopes.account_id"));
        Assert.True(Descends(grainCall, http, spans), $"The grain call is not under the HTTP request: {seen}");
        Assert.True(Descends(commit, grainCall, spans), $"The store commit is not under the grain call: {seen}");
    }

    [Fact]
    public async Task HealthProbes_AreNotTraced()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Add("traceparent", Spans.TraceParent(traceId));

        using var response = await _factory.CreateClient().SendAsync(request);
        await Task.Delay(500);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(_factory.Spans.InTrace(traceId));
    }

    [Fact]
    public async Task WithoutAnExporter_NothingIsRecorded()
    {
        await using var unexported = new ObservedApiFactory(settings: new Dictionary<string, string?> { ["OpenTelemetry:Enabled"] = null });
        var client = await ApiClient.SignUpAsync(unexported);
        var accountId = await client.OpenAccountAsync();
        var traceId = ActivityTraceId.CreateRandom();

        await client.DepositAsync(accountId, 1.00m, Spans.TraceParent(traceId));
        await Task.Delay(500);

        Assert.Null(unexported.Services.GetService<TracerProvider>());
        Assert.Null(unexported.Services.GetService<MeterProvider>());
        Assert.Empty(unexported.Spans.InTrace(traceId));
    }

    private static bool IsHttpRequest(Activity span) => span.Source.Name == AspNetCoreSource && span.Kind == ActivityKind.Server;

    private static bool IsAccountGrainCall(Activity span) =>
        span.Source.Name == ActivitySources.ApplicationGrainActivitySourceName
        && span.Kind == ActivityKind.Server
        && span.GetTagItem("nvelopes.account_id") is not null;

    private static bool IsStoreCommit(Activity span) => span.Source.Name == NVelopesTelemetry.Name && span.DisplayName == "store commit";

    /// <summary>Whether <paramref name="span"/> is <paramref name="ancestor"/> or under it, following parent ids within the trace.</summary>
    private static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        for (Activity? current = span; current is not null; current = bySpanId.GetValueOrDefault(current.ParentSpanId))
        {
            if (current.SpanId == ancestor.SpanId) return true;
        }
        return false;
    }

    private static string Describe(IEnumerable<Activity> spans) => string.Join("; ", spans.Select(s =>
        $"[{s.Source.Name}] {s.DisplayName} ({s.Kind}) {s.SpanId} <- {s.ParentSpanId}"));
}
