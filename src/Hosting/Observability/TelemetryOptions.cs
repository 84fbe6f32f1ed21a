using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace NVelopes.Hosting.Observability;

/// <summary>
/// Where traces, metrics and logs go (section <c>OpenTelemetry</c>). Nothing is exported unless an OTLP endpoint is
/// configured, here or through the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "OpenTelemetry";

    /// <summary>The standard OpenTelemetry variable the OTLP exporter reads when <see cref="OtlpEndpoint"/> is not set.</summary>
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard OpenTelemetry variable that names the service; it wins over the host's default name.</summary>
    public const string StandardServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>
    /// The OTLP collector, such as <c>http://localhost:4317</c> (gRPC) or the Aspire dashboard's
    /// <c>http://localhost:18889</c>. Default: none, unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names one.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// How <see cref="OtlpEndpoint"/> is spoken to: <c>Grpc</c> (default) or <c>HttpProtobuf</c>, for which the
    /// endpoint is the base address that <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> are added to.
    /// </summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>
    /// Whether traces and metrics are recorded at all. Default: only when they have somewhere to go (an OTLP
    /// endpoint here or in <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), because a listening tracer makes every request, grain
    /// call and outgoing HTTP call build spans, which costs a large share of a request's CPU and allocations for
    /// nothing when no one receives them. Set it to <c>true</c> to record for an exporter added in code.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether there is an OTLP endpoint to export to: <see cref="OtlpEndpoint"/> or the standard variable.</summary>
    public bool HasOtlpExporter(IConfiguration configuration) =>
        OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(configuration[StandardEndpointKey]);

    /// <summary>Whether telemetry is recorded: <see cref="Enabled"/> when set, else whether there is an OTLP exporter.</summary>
    public bool IsEnabled(IConfiguration configuration) => Enabled ?? HasOtlpExporter(configuration);

    /// <summary>The options of <see cref="SectionName"/>, defaults where it is missing.</summary>
    public static TelemetryOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
}
