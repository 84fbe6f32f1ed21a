using Microsoft.AspNetCore.Authentication.JwtBearer;
using NVelopes.Grains.Abstractions.Users;

namespace NVelopes.Api.Auth;

/// <summary>
/// The last check of a bearer token, after its signature, issuer, audience and lifetime passed: it must carry the
/// claims it was issued with, and the user its <c>sub</c> names must exist and not be disabled (the original's
/// <c>get_current_active_user</c>, answered from memory: <see cref="ActiveUsers"/>). A token that fails is refused
/// like any other unusable one (401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c>), with the reason in
/// the problem's detail.
/// </summary>
public static class TokenUserCheck
{
    /// <summary>What an access token names: the user's id and username.</summary>
    public static readonly string[] AccessTokenClaims = [NVelopesClaims.UserId, NVelopesClaims.Username];

    public static async Task ValidateAsync(TokenValidatedContext context, IReadOnlyList<string> requiredClaims, ActiveUsers users)
    {
        var principal = context.Principal!;
        var missing = requiredClaims.FirstOrDefault(claim => principal.FindFirst(claim) is not { Value.Length: > 0 });
        if (missing is not null)
        {
            Refuse(context, $"The token has no '{missing}' claim: log in again at /token.");
            return;
        }

        var status = await users.StatusOfAsync(
            principal.FindFirst(NVelopesClaims.UserId)!.Value, principal.FindFirst(NVelopesClaims.Username)?.Value, context.HttpContext.RequestAborted);
        if (status == UserStatus.Disabled) Refuse(context, "The user this token was issued to is disabled.");
        else if (status != UserStatus.Active) Refuse(context, "The user this token was issued to does not exist.");
    }

    /// <summary>An expired token's 401 says when it expired, in ISO 8601 UTC, so the client knows to log in again.</summary>
    public static Task ExplainExpiry(AuthenticationFailedContext context)
    {
        if (context.Exception is Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException expired)
            context.HttpContext.Features.Set(new UnusableToken(
                $"The token expired at {expired.Expires.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}: log in again at /token."));
        return Task.CompletedTask;
    }

    private static void Refuse(TokenValidatedContext context, string reason)
    {
        context.HttpContext.Features.Set(new UnusableToken(reason));
        context.Fail(reason);
    }
}
