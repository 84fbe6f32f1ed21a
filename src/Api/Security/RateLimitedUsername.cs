namespace NVelopes.Api.Security;

/// <summary>
/// Request feature: the normalised username a rate-limited request names, read before the rate limiter runs
/// (its partitions are chosen synchronously and cannot read the body); null when the request names none.
/// </summary>
public sealed record RateLimitedUsername(string? Username);
