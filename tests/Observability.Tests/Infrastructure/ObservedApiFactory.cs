using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NVelopes.Api.Tests.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NVelopes.Observability.Tests.Infrastructure;

/// <summary>
/// The API tests' gateway (<see cref="NVelopesApiFactory"/>) in a data directory of its own, with telemetry switched
/// on and in-memory exporters added to the tracing and metrics the gateway configures itself, and its logs captured.
/// <paramref name="settings"/> are applied last, so a test can switch the store or the dashboard.
/// </summary>
public sealed class ObservedApiFactory : NVelopesApiFactory
{
    public ObservedApiFactory(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
        : base(NewDataDirectory(), NewSigningKey(), environment)
    {
        // No OTLP endpoint here: the in-memory exporters receive what is recorded.
        var observed = new Dictionary<string, string?> { ["OpenTelemetry:Enabled"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) observed[key] = value;
        Settings = observed;
        ConfigureTestServices = services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            services.AddSingleton<ILoggerProvider>(Logs);
        };
    }

    /// <summary>Every span the gateway's tracer provider exported, in the order they ended.</summary>
    public ExportedItems<Activity> Spans { get; } = new();

    /// <summary>The metrics the gateway's meter provider exported, at each flush (<see cref="FlushMetrics"/>).</summary>
    public ExportedItems<MetricSnapshot> Metrics { get; } = new();

    /// <summary>What the gateway logged, with the scopes each entry was written in.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Exports the current value of every metric to <see cref="Metrics"/>.</summary>
    public void FlushMetrics()
    {
        Metrics.Clear();
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(5_000), "The meter provider did not flush.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDirectories.TryDelete(DataDirectory);
    }
}
