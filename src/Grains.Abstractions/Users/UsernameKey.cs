namespace NVelopes.Grains.Abstractions.Users;

/// <summary>
/// The grain key of a username: trimmed and lower-cased, so "JoeB" and "joeb " are one user. A name that
/// <see cref="UsernameRule"/> accepts is ASCII, and its key is its ASCII lower case; a user who signed up before
/// that rule, with a name outside it, keeps the key this function always gave that name, and so logs in as before.
/// </summary>
public static class UsernameKey
{
    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
