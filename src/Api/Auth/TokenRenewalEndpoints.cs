using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Auth;

/// <summary>
/// Keeps a session alive while its person is active without keeping a password anywhere: a valid access token is
/// exchanged for a fresh one of the same user. The bearer checks have already refused an expired token and a
/// disabled or removed user, so a session ends at the latest one token lifetime after its last renewal.
/// </summary>
public static class TokenRenewalEndpoints
{
    public const string RenewRoute = TokenEndpoints.TokenRoute + "/renew";

    public static IEndpointRouteBuilder MapTokenRenewalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(RenewRoute, Renew)
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithName("RenewToken")
            .WithTags("Users")
            .Documented("Exchange a valid access token for a fresh one of the same user, with a new expiry.",
                new RouteDocumentation([RouteAnswers.Unauthorized]),
                "A client renews before its token expires to keep a session alive while its person is active, without keeping " +
                "a password anywhere. An expired token, or one of a disabled or removed user, is a 401: log in again at `/token`.");
        return endpoints;
    }

    public static Ok<TokenResponse> Renew(CurrentUser user, ClaimsPrincipal principal, TokenService tokens) =>
        TypedResults.Ok(new TokenResponse(tokens.IssueAccessToken(user.Id, principal.FindFirstValue(NVelopesClaims.Username) ?? "")));
}
