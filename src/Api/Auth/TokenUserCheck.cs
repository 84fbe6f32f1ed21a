using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace NVelopes.Api.Auth;

/// <summary>
/// The last check of a bearer token, after its signature, issuer, audience and lifetime passed: it must carry the
/// claims it was issued with. A token that fails is refused like any other unusable one (401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>), with the reason in the problem's detail.
/// </summary>
public static class TokenUserCheck
{
    /// <summary>What an access token names: the user's id and username.</summary>
    public static readonly string[] AccessTokenClaims = [NVelopesClaims.UserId, NVelopesClaims.Username];

    public static Task ValidateAsync(TokenValidatedContext context, IReadOnlyList<string> requiredClaims)
    {
        var missing = requiredClaims.FirstOrDefault(claim => context.Principal?.FindFirst(claim) is not { Value.Length: > 0 });
        if (missing is not null) Refuse(context, $"The token has no '{missing}' claim: log in again at /token.");
        return Task.CompletedTask;
    }

    private static void Refuse(TokenValidatedContext context, string reason)
    {
        context.HttpContext.Features.Set(new UnusableToken(reason));
        context.Fail(reason);
    }
}
