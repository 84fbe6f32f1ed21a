using Microsoft.Extensions.Options;
using NVelopes.Hosting.Observability;
using Orleans.Dashboard;

namespace NVelopes.Api.Observability.Dashboard;

public static class DashboardEndpoints
{
    /// <summary>Where the gateway serves the dashboard.</summary>
    public const string Route = "/dashboard";

    /// <summary>The dashboard's own endpoint that shows a grain's persisted state: off, since a user's holds a password hash.</summary>
    private const string GrainStateRoute = "/GrainState";

    /// <summary>
    /// Switches the dashboard on when <c>Dashboard:Enabled</c>: the operator's sign-in (HTTP Basic against
    /// <c>Dashboard:Username</c> and <c>Dashboard:Password</c>) and its policy, with the settings checked at start-up
    /// so that outside Development the dashboard never runs without a password.
    /// </summary>
    public static WebApplicationBuilder AddNVelopesDashboard(this WebApplicationBuilder builder)
    {
        if (!DashboardSettings.From(builder.Configuration).Enabled) return builder;
        builder.Services.AddOptions<DashboardSettings>()
            .BindConfiguration(DashboardSettings.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DashboardSettings>, DashboardSettingsValidator>();
        builder.Services.AddAuthentication()
            .AddScheme<DashboardAuthenticationOptions, DashboardAuthenticationHandler>(DashboardAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(DashboardAuthenticationHandler.PolicyName, policy => policy
            .AddAuthenticationSchemes(DashboardAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>
    /// Serves the Orleans Dashboard under <see cref="Route"/> when it is on: behind the operator's sign-in whenever a
    /// password is configured (always, outside Development), open in Development without one. Its grain-state view is
    /// refused and it stays out of the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapNVelopesDashboard(this IEndpointRouteBuilder endpoints)
    {
        var settings = DashboardSettings.From(endpoints.ServiceProvider.GetRequiredService<IConfiguration>());
        if (!settings.Enabled) return endpoints;

        var dashboard = endpoints.MapOrleansDashboard(Route);
        dashboard.ExcludeFromDescription();
        dashboard.AddEndpointFilter((context, next) => IsGrainStateView(context.HttpContext)
            ? ValueTask.FromResult<object?>(TypedResults.NotFound())
            : next(context));
        if (string.IsNullOrEmpty(settings.Password)) dashboard.AllowAnonymous();
        else dashboard.RequireAuthorization(DashboardAuthenticationHandler.PolicyName);
        return endpoints;
    }

    private static bool IsGrainStateView(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Route + GrainStateRoute, StringComparison.OrdinalIgnoreCase);
}
