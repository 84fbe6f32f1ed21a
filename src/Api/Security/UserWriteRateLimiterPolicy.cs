using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NVelopes.Api.Auth;

namespace NVelopes.Api.Security;

/// <summary>
/// The account changes of one user (the token's <c>sub</c>) share one fixed window of
/// <c>RateLimiting:Writes</c>, whichever accounts, devices or gateways they come through, so that one account holder
/// cannot take a silo's capacity. Runs after authorization: a request without a valid token is a 401 and counts
/// against nobody.
/// </summary>
public sealed class UserWriteRateLimiterPolicy(IOptions<RateLimitingOptions> settings) : IRateLimiterPolicy<string>
{
    public const string Name = "writes-per-user";

    private readonly WriteRateLimitRule _rule = settings.Value.Writes;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (rejected, _) =>
        TooManyRequests.WriteAsync(
            rejected.HttpContext,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _rule.Window,
            seconds => $"Too many changes: a user may make at most {_rule.PerUser} account changes every " +
                $"{_rule.Window.TotalSeconds:0} seconds; try again in {seconds} seconds.");

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        httpContext.User.FindFirstValue(NVelopesClaims.UserId) is { Length: > 0 } userId
            ? RateLimitPartition.GetFixedWindowLimiter(userId,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = _rule.PerUser, Window = _rule.Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");
}
