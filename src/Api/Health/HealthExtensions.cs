using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace NVelopes.Api.Health;

public static class HealthExtensions
{
    public const string HealthRoute = "/health";
    public const string LiveRoute = HealthRoute + "/live";
    public const string ReadyRoute = HealthRoute + "/ready";
    private static readonly TimeSpan OrleansTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers the readiness checks and returns the builder, so more checks chain on: tag a check
    /// <see cref="HealthTags.Ready"/> (the string "ready") and <c>/health/ready</c> runs it.
    /// </summary>
    public static IHealthChecksBuilder AddNVelopesHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<OrleansHealthCheck>("orleans", tags: [HealthTags.Ready], timeout: OrleansTimeout)
            .AddCheck<StoreHealthCheck>("store", tags: [HealthTags.Ready], timeout: StoreTimeout);

    /// <summary>
    /// <c>/health/live</c>: the process serves requests (no checks). <c>/health/ready</c>: every check tagged ready
    /// passes (the cluster answers with an active silo, a silo reads the store). Both answer 200 or 503, with each
    /// check's status as JSON to a client that accepts it (<see cref="HealthResponseWriter"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapNVelopesHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LiveRoute, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadyRoute, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        return endpoints;
    }
}
