using System.Security.Claims;

namespace NVelopes.Api.Auth;

/// <summary>
/// The authenticated caller of this request, read from the validated token's claims. Handlers take it as a
/// parameter: minimal APIs bind it from the request (<see cref="BindAsync"/>), so no request pays for an
/// <c>IHttpContextAccessor</c>.
/// </summary>
public sealed class CurrentUser(ClaimsPrincipal principal)
{
    /// <summary>The user's opaque id (<c>sub</c>); every account command names it as the owner.</summary>
    public string Id => Claim(NVelopesClaims.UserId);

    /// <summary>The username the token was issued to.</summary>
    public string Username => Claim(NVelopesClaims.Username);

    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult<CurrentUser?>(new CurrentUser(context.User));

    private string Claim(string type) =>
        principal.FindFirstValue(type) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The access token has no '{type}' claim; the endpoint must require authorization.");
}
