using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace NVelopes.Api.Auth;

/// <summary>
/// The bearer-token check: signature, HS256 only, issuer, audience, lifetime with a small skew, claims as issued, and
/// a token that passed remembered until it expires. The gateway uses it, and so does the benchmark's baseline, which
/// must make the same check.
/// </summary>
public static class BearerChecks
{
    public static void Require(
        JwtBearerOptions bearer, SecurityKey signingKey, string issuer, string audience, TimeSpan clockSkew, TimeProvider clock)
    {
        bearer.MapInboundClaims = false;
        bearer.SaveToken = false; // nothing reads the token back from the authentication properties
        RememberingTokenHandler.RememberValidatedTokens(bearer, clock);
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = signingKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = true,
            ValidIssuer = issuer,
            ValidateAudience = true,
            ValidAudience = audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = clockSkew,
        };
    }
}
