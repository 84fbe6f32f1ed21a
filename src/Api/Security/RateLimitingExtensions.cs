using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NVelopes.Api.Security;

public static class RateLimitingExtensions
{
    /// <summary>Limits this endpoint per client address and per username, as <c>RateLimiting</c> says for <paramref name="operation"/>.</summary>
    public static TBuilder RateLimitPerClientAndUsername<TBuilder>(this TBuilder builder, RateLimitedOperation operation)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedEndpoint(operation));

    /// <summary>
    /// ASP.NET Core rate limiting for the endpoints marked <see cref="RateLimitedEndpoint"/>: two chained fixed-window
    /// limiters, one partitioned by client address and one by username, so neither many usernames from one address
    /// nor one username from many addresses get past. A refusal is 429 problem details with <c>Retry-After</c>.
    /// </summary>
    public static IServiceCollection AddNVelopesRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(
                options => Enum.GetValues<RateLimitedOperation>().All(operation => options.RuleFor(operation).IsValid),
                $"{RateLimitingOptions.SectionName}: every PerClientAddress and PerUsername must be at least 1, every Window at least 1 second.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var rules = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionOf(context, rules, byUsername: false)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionOf(context, rules, byUsername: true)));
            limiter.OnRejected = (rejected, _) => RejectAsync(rejected, rules);
        });
        return services;
    }

    /// <summary>
    /// Reads the username of rate-limited requests, then applies the limits. Only requests to the marked endpoints
    /// take this branch: for any other, the global limiter would still look up (under a lock every request shares)
    /// the unlimited partition it belongs to.
    /// </summary>
    public static WebApplication UseNVelopesRateLimiting(this WebApplication app)
    {
        app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is not null, limited =>
        {
            limited.UseMiddleware<RateLimitUsernameMiddleware>();
            limited.UseRateLimiter();
        });
        return app;
    }

    private static RateLimitPartition<string> PartitionOf(HttpContext context, RateLimitingOptions rules, bool byUsername)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is not { } limited) return Unlimited();
        var subject = byUsername
            ? context.Features.Get<RateLimitedUsername>()?.Username
            : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (subject is null) return Unlimited();

        var rule = rules.RuleFor(limited.Operation);
        var permits = byUsername ? rule.PerUsername : rule.PerClientAddress;
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{limited.Operation}|{(byUsername ? "username" : "client")}|{subject}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = rule.Window, QueueLimit = 0 });
    }

    private static RateLimitPartition<string> Unlimited() => RateLimitPartition.GetNoLimiter("");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitingOptions rules)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? after
            : context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is { } limited
                ? rules.RuleFor(limited.Operation).Window
                : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Too many attempts; try again in {seconds} seconds.",
            },
        });
    }
}
