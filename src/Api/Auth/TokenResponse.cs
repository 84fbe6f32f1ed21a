using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Auth;

/// <summary>The OAuth2 token response the original returned: the bearer token and its type.</summary>
[Description("A bearer access token: send it as `Authorization: Bearer <access_token>`.")]
public sealed record TokenResponse(
    [property: Description("The token (a JWT), valid for 30 minutes unless configured otherwise.")] string AccessToken,
    [property: Description("Always `bearer`.")] string TokenType = "bearer") : IHasExample<TokenResponse>
{
    public static TokenResponse Example => new("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1YjBlN2YxYyIsInByZWZlcnJlZF91c2VybmFtZSI6ImpvZWIifQ.c2lnbmF0dXJl");
}
