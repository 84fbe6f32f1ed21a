namespace NVelopes.Grains.Domain.Users;

/// <summary>
/// The grain key of a username: trimmed and lower-cased, so "JoeB" and "joeb " are one user. A name that
/// <see cref="UsernameRule"/> accepts is ASCII, and its key is its ASCII lower case; a user who signed up before
/// that rule, with a name outside it, keeps the key this function always gave that name, and so logs in as before.
/// </summary>
public static class UsernameKey
{
    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    /// <summary>
    /// The key of the user <paramref name="username"/> may name, or null when it can name nobody: blank, or longer than
    /// <see cref="UsernameRule.MaxLength"/>, which every sign-up has kept to, before the rule's alphabet as since. A
    /// name outside the alphabet may still be taken: users who signed up before it keep theirs.
    /// </summary>
    public static string? OfPossibleUser(string? username) =>
        username?.Trim().Length is > 0 and <= UsernameRule.MaxLength ? Normalize(username) : null;
}
