namespace NVelopes.Grains.Domain.Users;

/// <summary>
/// How long what a sign-up gives besides its username may be (the username's own rule is <see cref="UsernameRule"/>).
/// The gateway checks them, since the password is hashed before any grain sees it; its API description states them.
/// </summary>
public static class SignupLimits
{
    public const int MaxFullNameLength = 100;

    /// <summary>The longest address SMTP can deliver to (RFC 5321's path limit, less its angle brackets).</summary>
    public const int MaxEmailLength = 254;

    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
}
