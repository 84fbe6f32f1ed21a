using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NVelopes.Api.Auth;

/// <summary>
/// Issues HS256 access tokens naming the user's id (<c>sub</c>) and username, valid for the configured lifetime,
/// and feed tickets: tokens for one account's event stream only (<see cref="FeedTickets"/>).
/// </summary>
public sealed class TokenService(IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A ticket for <c>GET /accounts/{accountId}/events</c> of this user, valid for <see cref="FeedTickets.Lifetime"/>.</summary>
    public string IssueFeedTicket(string userId, string accountId)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = FeedTickets.AudienceOf(jwt),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + FeedTickets.Lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(NVelopesClaims.UserId, userId),
                new Claim(FeedTickets.AccountClaim, accountId),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(SigningKeyOf(jwt), SecurityAlgorithms.HmacSha256),
        });
    }

    public string IssueAccessToken(string userId, string username)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + jwt.TokenLifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(NVelopesClaims.UserId, userId),
                new Claim(NVelopesClaims.Username, username),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(SigningKeyOf(jwt), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SigningKeyOf(JwtOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey ?? throw new InvalidOperationException("Jwt:SigningKey is not set.")));
}
