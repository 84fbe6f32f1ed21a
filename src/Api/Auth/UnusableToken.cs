namespace NVelopes.Api.Auth;

/// <summary>Request feature: why a correctly signed token was refused, told in the 401's <c>detail</c>.</summary>
public sealed record UnusableToken(string Reason);
