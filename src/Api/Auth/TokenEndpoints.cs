using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Security;
using NVelopes.Grains.Abstractions.Users;

namespace NVelopes.Api.Auth;

public static class TokenEndpoints
{
    public const string TokenRoute = "/token";
    public const string PasswordGrant = "password";
    private const string BadCredentials = "Incorrect username or password";

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TokenRoute, IssueToken)
            .AllowAnonymous()
            .DisableAntiforgery() // a token endpoint answers credentials, not cookies: there is nothing to forge
            .RateLimitPerClientAndUsername(RateLimitedOperation.LogIn)
            .WithName("IssueToken")
            .WithSummary("Log in: exchange a username and password for a bearer access token (OAuth2 password grant).")
            .WithTags("Users");
        return endpoints;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        [AsParameters] TokenForm form,
        IGrainFactory grains,
        UserPasswords passwords,
        TokenService tokens,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        if (form.GrantType != PasswordGrant)
            return TypedResults.Problem($"grant_type must be \"{PasswordGrant}\".", statusCode: StatusCodes.Status400BadRequest);
        if (string.IsNullOrWhiteSpace(form.Username) || string.IsNullOrEmpty(form.Password)) return Unauthorized(httpContext);

        var credentials = await grains.GetGrain<IUserGrain>(UsernameKey.Normalize(form.Username))
            .GetCredentialsAsync(cancellationToken);
        if (!passwords.Verify(credentials?.PasswordHash, form.Password) || credentials is null) return Unauthorized(httpContext);
        if (credentials.Disabled)
            return TypedResults.Problem("Inactive user", statusCode: StatusCodes.Status401Unauthorized);

        return TypedResults.Ok(new TokenResponse(tokens.IssueAccessToken(credentials.UserId, credentials.Username)));
    }

    private static ProblemHttpResult Unauthorized(HttpContext httpContext)
    {
        httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return TypedResults.Problem(BadCredentials, statusCode: StatusCodes.Status401Unauthorized);
    }
}
