using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Users;

/// <summary>The body of <c>POST /users/signup</c>.</summary>
[Description("A new user.")]
public sealed record SignupRequest(
    [StringLength(100, ErrorMessage = "full_name must be at most 100 characters.")]
    [property: Description("The user's full name.")]
    string FullName,
    [Username]
    [property: Description("The username to log in with: 3 to 50 characters of letters, digits, `.`, `_` and `-` (see the route's description).")]
    string Username,
    [EmailAddress(ErrorMessage = "email must be a valid e-mail address."), StringLength(254, ErrorMessage = "email must be at most 254 characters.")]
    [property: Description("The user's e-mail address.")]
    string Email,
    [StringLength(128, MinimumLength = 8, ErrorMessage = "password must be 8 to 128 characters.")]
    [property: Description("The password: 8 to 128 characters.")]
    string Password) : IHasExample<SignupRequest>
{
    public static SignupRequest Example => new("Joe Bloggs", ApiExamples.Username, "joebloggs@somewhere.com", "correct-horse-battery");
}
