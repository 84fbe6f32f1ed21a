using System.Security.Claims;

namespace NVelopes.Api.Auth;

/// <summary>
/// The authenticated caller of this request, read from the validated token's claims. Handlers take it as a
/// parameter: minimal APIs bind it from the request (<see cref="BindAsync"/>), so no request pays for an
/// <c>IHttpContextAccessor</c>.
/// </summary>
public sealed class CurrentUser(ClaimsPrincipal principal)
{
    /// <summary>The user's opaque id (<c>sub</c>), the one identity of every request: account commands name it as the owner.</summary>
    public string Id => Claim(NVelopesClaims.UserId);

    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult<CurrentUser?>(new CurrentUser(context.User));

    private string Claim(string type) =>
        principal.FindFirstValue(type) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The access token has no '{type}' claim; the endpoint must require authorization.");
}
