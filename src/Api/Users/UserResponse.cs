using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Users;

/// <summary>What <c>GET /users/me</c> shows of the caller.</summary>
[Description("The caller's profile.")]
public sealed record UserResponse(
    [property: Description("The username, as signed up.")] string Username,
    [property: Description("The e-mail address.")] string Email,
    [property: Description("The full name.")] string FullName,
    [property: Description("Whether the user is disabled (a disabled user's tokens are refused).")] bool Disabled) : IHasExample<UserResponse>
{
    public static UserResponse Example => new(ApiExamples.Username, "joebloggs@somewhere.com", "Joe Bloggs", false);
}
