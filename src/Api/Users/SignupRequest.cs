using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NVelopes.Api.OpenApi;
using NVelopes.Grains.Domain.Users;

namespace NVelopes.Api.Users;

/// <summary>
/// The body of <c>POST /users/signup</c>. Its limits are <see cref="SignupLimits"/> and <see cref="UsernameRule"/>;
/// the messages take them from the attributes (<c>{1}</c> the maximum, <c>{2}</c> the minimum), and
/// <see cref="RequestLimitsSchemaFilter"/> states them, with the descriptions that name them, in the API description.
/// </summary>
[Description("A new user.")]
public sealed record SignupRequest(
    [StringLength(SignupLimits.MaxFullNameLength, ErrorMessage = "full_name must be at most {1} characters.")]
    [property: Description("The user's full name.")]
    string FullName,
    [Username]
    string Username,
    [EmailAddress(ErrorMessage = "email must be a valid e-mail address."),
        StringLength(SignupLimits.MaxEmailLength, ErrorMessage = "email must be at most {1} characters.")]
    [property: Description("The user's e-mail address.")]
    string Email,
    [StringLength(SignupLimits.MaxPasswordLength, MinimumLength = SignupLimits.MinPasswordLength, ErrorMessage = SignupRequest.PasswordLengthMessage)]
    string Password) : IHasExample<SignupRequest>
{
    /// <summary>The refusal of a password of the wrong length, as <see cref="StringLengthAttribute"/> formats it.</summary>
    public const string PasswordLengthMessage = "password must be {2} to {1} characters.";

    public static SignupRequest Example => new("Joe Bloggs", ApiExamples.Username, "joebloggs@somewhere.com", "correct-horse-battery");
}
