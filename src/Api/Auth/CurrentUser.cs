using System.Security.Claims;

namespace NVelopes.Api.Auth;

/// <summary>The authenticated caller of this request, read once from the validated token's claims.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal =>
        accessor.HttpContext?.User ?? throw new InvalidOperationException("CurrentUser is only available during a request.");

    /// <summary>The user's opaque id (<c>sub</c>); every account command names it as the owner.</summary>
    public string Id => Claim(NVelopesClaims.UserId);

    /// <summary>The username the token was issued to.</summary>
    public string Username => Claim(NVelopesClaims.Username);

    private string Claim(string type) =>
        Principal.FindFirstValue(type) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The access token has no '{type}' claim; the endpoint must require authorization.");
}
