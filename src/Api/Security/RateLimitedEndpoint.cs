namespace NVelopes.Api.Security;

/// <summary>Endpoint metadata: this endpoint is <paramref name="Operation"/>, limited per client address and per username.</summary>
public sealed record RateLimitedEndpoint(RateLimitedOperation Operation);
