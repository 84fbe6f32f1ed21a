namespace NVelopes.Api.Auth;

/// <summary>The OAuth2 token response the original returned: the bearer token and its type.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType = "bearer");
