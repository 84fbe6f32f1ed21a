using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace NVelopes.Api.Health;

public static class HealthExtensions
{
    public const string LiveRoute = "/health/live";
    public const string ReadyRoute = "/health/ready";
    private static readonly TimeSpan OrleansTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers the readiness checks and returns the builder, so more checks chain on: tag a check
    /// <see cref="HealthTags.Ready"/> (the string "ready") and <c>/health/ready</c> runs it.
    /// </summary>
    public static IHealthChecksBuilder AddNVelopesHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<OrleansHealthCheck>("orleans", tags: [HealthTags.Ready], timeout: OrleansTimeout);

    /// <summary><c>/health/live</c>: the process serves requests (no checks). <c>/health/ready</c>: every check tagged ready passes.</summary>
    public static IEndpointRouteBuilder MapNVelopesHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LiveRoute, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadyRoute, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) })
            .AllowAnonymous();
        return endpoints;
    }
}
