using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NVelopes.Api.Auth;

namespace NVelopes.Bench.Baseline;

/// <summary>
/// The baseline's JWT check, the real gateway's own (<see cref="BearerChecks"/>: HS256 only, signature, issuer, audience,
/// lifetime, a token that passed remembered until it expires), with a key of its own. Like the original's, the token
/// names the username, which each request then looks up in the store (<see cref="BaselineEndpoints"/>). The original
/// issued tokens at <c>/token</c>; the bench mints the baseline's token itself, for the user the real gateway signed
/// up, because log-in is not measured.
/// </summary>
internal sealed class BaselineTokens
{
    public const string Issuer = "nvelopes-baseline";
    public const string Audience = "nvelopes-baseline-api";

    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(64));

    public string Issue(string username) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddHours(2),
        Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, username)]),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
    });

    public void Configure(JwtBearerOptions bearer) =>
        BearerChecks.Require(bearer, _key, Issuer, Audience, TimeSpan.FromSeconds(30), TimeProvider.System);
}
