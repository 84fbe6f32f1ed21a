using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NVelopes.TestSupport;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NVelopes.Observability.Tests.Infrastructure;

/// <summary>
/// The real gateway with its co-hosted silo, on free ports and a data directory of its own, with an in-memory span
/// exporter added to the tracing the gateway configures itself. <paramref name="settings"/> are applied last, so a
/// test can switch the store or the dashboard.
/// </summary>
public sealed class ObservedApiFactory(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly OwnLocalCluster _cluster = new("observability-tests-");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "nvelopes-observability-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Every span the gateway's tracer provider exported, in the order they ended.</summary>
    public ExportedItems<Activity> Spans { get; } = new();

    /// <summary>The metrics the gateway's meter provider exported, at each flush (<see cref="FlushMetrics"/>).</summary>
    public ExportedItems<MetricSnapshot> Metrics { get; } = new();

    /// <summary>What the gateway logged, with the scopes each entry was written in.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Jwt:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        foreach (var (key, value) in _cluster.Settings) builder.UseSetting(key, value);
        // No OTLP endpoint here: the in-memory exporters below receive what is recorded.
        builder.UseSetting("OpenTelemetry:Enabled", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            _cluster.Configure(services);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    /// <summary>Exports the current value of every metric to <see cref="Metrics"/>.</summary>
    public void FlushMetrics()
    {
        Metrics.Clear();
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(5_000), "The meter provider did not flush.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
