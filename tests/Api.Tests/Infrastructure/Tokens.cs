using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NVelopes.Api.Auth;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>Hand-made tokens for the cases the gateway must refuse.</summary>
public static class Tokens
{
    /// <summary>A token signed with <paramref name="signingKey"/>; a null <paramref name="userId"/> or <paramref name="username"/> leaves that claim out.</summary>
    public static string Create(
        string signingKey,
        string? userId,
        string? username,
        DateTime notBefore,
        DateTime expires,
        string issuer = NVelopesApiFactory.Issuer,
        string audience = NVelopesApiFactory.Audience,
        string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity(new[] { (NVelopesClaims.UserId, userId), (NVelopesClaims.Username, username) }
                .Where(claim => claim.Item2 is not null)
                .Select(claim => new Claim(claim.Item1, claim.Item2!))),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), algorithm),
        });

    /// <summary>The same claims as <paramref name="token"/> with its signature swapped for one made with another key.</summary>
    public static string ResignedWithOtherKey(string token)
    {
        var parts = token.Split('.');
        var forged = Create(NVelopesApiFactory.NewSigningKey(), "x", "x", DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5)).Split('.');
        return $"{parts[0]}.{parts[1]}.{forged[2]}";
    }

    /// <summary>An unsigned token ("alg": "none") with otherwise valid claims.</summary>
    public static string Unsigned(string userId, string username)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow;
        var payload = $$"""{"sub":"{{userId}}","preferred_username":"{{username}}","iss":"{{NVelopesApiFactory.Issuer}}","aud":"{{NVelopesApiFactory.Audience}}","nbf":{{now.ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(5).ToUnixTimeSeconds()}}}""";
        return $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode(payload)}.";
    }
}
