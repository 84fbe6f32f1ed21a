using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;

namespace NVelopes.Hosting.Observability;

/// <summary>
/// What both hosts, the gateway and the silo, show of themselves: structured logs, OpenTelemetry traces and metrics
/// (exported over OTLP only when an endpoint is configured), and, when switched on, the Orleans Dashboard.
/// </summary>
public static class NVelopesObservabilityExtensions
{
    /// <summary>The meter Orleans publishes its runtime metrics on (grain calls, activations, messaging, membership).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>
    /// The activity sources traced: ours (store calls) and Orleans' grain calls, activations and grain storage. The
    /// runtime source (system targets: membership probes, directory) is left out as noise.
    /// </summary>
    public static readonly IReadOnlyList<string> TracedSources =
    [
        NVelopesTelemetry.Name,
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.LifecycleActivitySourceName,
        ActivitySources.StorageActivitySourceName,
    ];

    /// <summary>The meters collected: ours, Orleans' and, through the runtime instrumentation, the .NET runtime's.</summary>
    public static readonly IReadOnlyList<string> CollectedMeters = [NVelopesTelemetry.Name, OrleansMeterName];

    /// <summary>
    /// Logs as JSON on the console outside Development (simple console in Development), with scopes so that the trace
    /// id and the account id appear; OpenTelemetry tracing and metrics for <see cref="TracedSources"/> and
    /// <see cref="CollectedMeters"/>, exported to the OTLP endpoint of <see cref="TelemetryOptions"/> when there is one
    /// (and recorded only when <see cref="TelemetryOptions.IsEnabled"/>).
    /// Hosts add their own instrumentation (ASP.NET Core) through <c>ConfigureOpenTelemetryTracerProvider</c>.
    /// </summary>
    /// <param name="builder">The host.</param>
    /// <param name="serviceName">The service name in traces and metrics unless <c>OTEL_SERVICE_NAME</c> gives one.</param>
    public static IHostApplicationBuilder AddNVelopesObservability(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddNVelopesConsoleLogging();

        var configuration = builder.Configuration;
        var options = TelemetryOptions.From(configuration);
        if (!options.IsEnabled(configuration)) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration[TelemetryOptions.StandardServiceNameKey] ?? serviceName,
                serviceVersion: typeof(NVelopesObservabilityExtensions).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource([.. TracedSources])
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter([.. CollectedMeters])
                .AddRuntimeInstrumentation()
                .AddHttpClientInstrumentation());

        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: IncludeScopes).UseOtlpExporter(options.OtlpProtocol, endpoint);
        }
        else if (options.HasOtlpExporter(configuration))
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: IncludeScopes).UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// Grain-call spans that follow the caller's trace, the account id on account calls' logs and spans, and the
    /// dashboard's grains when <c>Dashboard:Enabled</c>.
    /// </summary>
    public static ISiloBuilder AddNVelopesObservability(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (TelemetryOptions.From(configuration).IsEnabled(configuration)) silo.AddActivityPropagation();
        silo.AddIncomingGrainCallFilter<AccountCallObservabilityFilter>();
        var dashboard = DashboardSettings.From(configuration);
        if (dashboard.Enabled) silo.AddDashboard(options => options.HideTrace = dashboard.HideTrace);
        return silo;
    }

    /// <summary>
    /// Grain calls that carry the caller's trace to the silos, and the dashboard's client when <c>Dashboard:Enabled</c>
    /// (the silos must switch it on too).
    /// </summary>
    public static IClientBuilder AddNVelopesObservability(this IClientBuilder client, IConfiguration configuration)
    {
        if (TelemetryOptions.From(configuration).IsEnabled(configuration)) client.AddActivityPropagation();
        var dashboard = DashboardSettings.From(configuration);
        if (dashboard.Enabled) client.AddDashboard(options => options.HideTrace = dashboard.HideTrace);
        return client;
    }

    /// <summary>
    /// JSON console lines outside Development and readable ones in Development, both with their scopes (trace and span
    /// ids, the account id). <c>Logging:Console:FormatterName</c> overrides the choice. Polly's per-attempt lines are
    /// kept to warnings unless <c>Logging:LogLevel:Polly</c> says otherwise.
    /// </summary>
    private static void AddNVelopesConsoleLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // Polly, under Orleans' grain placement, logs every attempt at Information: one line per activation.
        if (string.IsNullOrWhiteSpace(builder.Configuration["Logging:LogLevel:Polly"])) builder.Logging.AddFilter("Polly", LogLevel.Warning);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Logging:Console:FormatterName"])) return;
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }

    private static void IncludeScopes(OpenTelemetryLoggerOptions options)
    {
        options.IncludeScopes = true;
        options.IncludeFormattedMessage = true;
    }
}
