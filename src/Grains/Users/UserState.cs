namespace NVelopes.Grains.Users;

/// <summary>The persisted record of one user; the password only as a salted slow hash.</summary>
[GenerateSerializer, Alias("NVelopes.UserState")]
public sealed class UserState
{
    /// <summary>The state name the user grain persists this record under.</summary>
    public const string StateName = "user";

    [Id(0)] public string UserId { get; set; } = "";
    [Id(1)] public string Username { get; set; } = "";
    [Id(2)] public string Email { get; set; } = "";
    [Id(3)] public string FullName { get; set; } = "";
    [Id(4)] public string PasswordHash { get; set; } = "";
    [Id(5)] public bool Disabled { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
}
