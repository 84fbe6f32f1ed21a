using NVelopes.Api.Health;
using NVelopes.Api.Observability.Dashboard;
using NVelopes.Hosting.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NVelopes.Api.Observability;

public static class ApiObservabilityExtensions
{
    /// <summary>The service name of the gateway in traces and metrics, unless <c>OTEL_SERVICE_NAME</c> names another.</summary>
    public const string ServiceName = "nvelopes-api";

    /// <summary>
    /// The gateway's share of observability: the hosts' common logs, traces and metrics
    /// (<see cref="NVelopesObservabilityExtensions"/>), plus a span and the request metrics for every HTTP request,
    /// and the Orleans Dashboard when <c>Dashboard:Enabled</c>. Health probes and the dashboard's polling are not traced.
    /// </summary>
    public static WebApplicationBuilder AddNVelopesObservability(this WebApplicationBuilder builder)
    {
        builder.AddNVelopesObservability(ServiceName);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddAspNetCoreInstrumentation(options =>
        {
            options.Filter = context => !IsOperationalPath(context.Request.Path);
            options.RecordException = true;
        }));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddAspNetCoreInstrumentation());
        builder.AddNVelopesDashboard();
        return builder;
    }

    /// <summary>The endpoints observability adds to the gateway: the Orleans Dashboard, when it is on.</summary>
    public static IEndpointRouteBuilder MapNVelopesObservabilityEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapNVelopesDashboard();

    private static bool IsOperationalPath(PathString path) =>
        path.StartsWithSegments(HealthExtensions.HealthRoute) || path.StartsWithSegments(DashboardEndpoints.Route);
}
