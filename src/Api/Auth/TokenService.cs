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
    public string IssueFeedTicket(string userId, string accountId) =>
        Issue(FeedTickets.AudienceOf(options.Value), FeedTickets.Lifetime,
            new Claim(NVelopesClaims.UserId, userId), new Claim(FeedTickets.AccountClaim, accountId));

    public string IssueAccessToken(string userId, string username) =>
        Issue(options.Value.Audience, options.Value.TokenLifetime,
            new Claim(NVelopesClaims.UserId, userId), new Claim(NVelopesClaims.Username, username));

    /// <summary>A signed token for <paramref name="audience"/>, valid from now for <paramref name="lifetime"/>, with its own id.</summary>
    private string Issue(string audience, TimeSpan lifetime, params Claim[] claims)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([.. claims, new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"))]),
            SigningCredentials = new SigningCredentials(SigningKeyOf(jwt), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SigningKeyOf(JwtOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey ?? throw new InvalidOperationException("Jwt:SigningKey is not set.")));
}
