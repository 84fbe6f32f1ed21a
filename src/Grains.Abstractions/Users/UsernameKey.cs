namespace NVelopes.Grains.Abstractions.Users;

/// <summary>The grain key of a username: unique case-insensitively, so "JoeB" and "joeb " are one user.</summary>
public static class UsernameKey
{
    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
