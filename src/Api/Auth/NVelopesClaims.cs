using Microsoft.IdentityModel.JsonWebTokens;

namespace NVelopes.Api.Auth;

/// <summary>The claims an NVelopes access token carries, as they appear in the token (no inbound mapping).</summary>
public static class NVelopesClaims
{
    /// <summary>The user's opaque id.</summary>
    public const string UserId = JwtRegisteredClaimNames.Sub;

    /// <summary>The username as it was registered; its normalised form keys the user grain.</summary>
    public const string Username = "preferred_username";
}
