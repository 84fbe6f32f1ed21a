using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Security;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;

namespace NVelopes.Api.Auth;

public static class TokenEndpoints
{
    public const string TokenRoute = "/token";
    public const string PasswordGrant = "password";
    public const string OperationId = "IssueToken";
    private const string BadCredentials = "Incorrect username or password";
    private const string InvalidGrant = "invalid_grant";
    public const string OAuthErrorField = "error";
    public const string OAuthErrorDescriptionField = "error_description";

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TokenRoute, IssueToken)
            .AllowAnonymous()
            .DisableAntiforgery() // a token endpoint answers credentials, not cookies: there is nothing to forge
            .RateLimitPerClientAndUsername(RateLimitedOperation.LogIn)
            .WithName(OperationId)
            .WithTags("Users")
            .Documented("Log in: exchange a username and password for a bearer access token.",
                new RouteDocumentation(
                [
                    OAuthProblem(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"grant_type must be \"{PasswordGrant}\"."),
                    OAuthProblem(StatusCodes.Status401Unauthorized, InvalidGrant, BadCredentials),
                    RouteAnswers.TooManyAttempts,
                ]),
                "The OAuth2 password grant, as a form (`application/x-www-form-urlencoded`), which is what Swagger UI's " +
                "Authorize button sends. A refusal is problem details that also carries the OAuth2 error fields " +
                "`error` and `error_description`, so OAuth2 clients show the reason.");
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
            return Refused(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"grant_type must be \"{PasswordGrant}\".");
        if (string.IsNullOrWhiteSpace(form.Username) || string.IsNullOrEmpty(form.Password)) return Unauthorized(httpContext);

        var credentials = await grains.GetGrain<IUserGrain>(UsernameKey.Normalize(form.Username))
            .GetCredentialsAsync(cancellationToken);
        if (!passwords.Verify(credentials?.PasswordHash, form.Password) || credentials is null) return Unauthorized(httpContext);
        if (credentials.Disabled) return Refused(StatusCodes.Status401Unauthorized, InvalidGrant, "Inactive user");

        return TypedResults.Ok(new TokenResponse(tokens.IssueAccessToken(credentials.UserId, credentials.Username)));
    }

    private static ProblemHttpResult Unauthorized(HttpContext httpContext)
    {
        httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Refused(StatusCodes.Status401Unauthorized, InvalidGrant, BadCredentials);
    }

    /// <summary>
    /// A refused token request: problem details with the reason in <c>detail</c>, and the same reason in the OAuth2
    /// token error fields (RFC 6749 section 5.2), which OAuth2 clients such as Swagger UI's Authorize dialog show.
    /// </summary>
    private static RouteProblem OAuthProblem(int status, string error, string reason) =>
        new(status, reason, new Dictionary<string, string> { [OAuthErrorField] = error, [OAuthErrorDescriptionField] = reason });

    private static ProblemHttpResult Refused(int status, string error, string reason) =>
        TypedResults.Problem(reason, statusCode: status, extensions: new Dictionary<string, object?>
        {
            [OAuthErrorField] = error,
            [OAuthErrorDescriptionField] = reason,
        });
}
