using System.ComponentModel.DataAnnotations;

namespace NVelopes.Api.Users;

/// <summary>The body of <c>POST /users/signup</c>.</summary>
public sealed record SignupRequest(
    [StringLength(100, ErrorMessage = "full_name must be at most 100 characters.")]
    string FullName,
    [Username]
    string Username,
    [EmailAddress(ErrorMessage = "email must be a valid e-mail address."), StringLength(254, ErrorMessage = "email must be at most 254 characters.")]
    string Email,
    [StringLength(128, MinimumLength = 8, ErrorMessage = "password must be 8 to 128 characters.")]
    string Password);
