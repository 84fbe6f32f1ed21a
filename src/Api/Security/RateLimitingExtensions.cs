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
            .Validate(
                options => options.Writes.IsValid,
                $"{RateLimitingOptions.SectionName}:Writes: PerUser must be at least 1 and Window at least 1 second.")
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
            limiter.AddPolicy<string, UserWriteRateLimiterPolicy>(UserWriteRateLimiterPolicy.Name);
        });
        return services;
    }

    /// <summary>Counts this endpoint's requests against the caller's <c>RateLimiting:Writes</c>; the API description lists its 429.</summary>
    public static TBuilder LimitWritesPerUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(UserWriteRateLimiterPolicy.Name).WithMetadata(new ProducesResponseTypeMetadata(
            StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));

    /// <summary>
    /// Applies the per-user limit of account changes. After authorization, which knows the user; and only on the
    /// endpoints that <see cref="LimitWritesPerUser{TBuilder}"/> marks, so that reads pass no rate limiter at all.
    /// </summary>
    public static WebApplication UseNVelopesWriteRateLimiting(this WebApplication app)
    {
        app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == UserWriteRateLimiterPolicy.Name,
            writes => writes.UseRateLimiter());
        return app;
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
        await TooManyRequests.WriteAsync(context, retryAfter, seconds => $"Too many attempts; try again in {seconds} seconds.");
    }
}
