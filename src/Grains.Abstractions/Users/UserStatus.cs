namespace NVelopes.Grains.Abstractions.Users;

/// <summary>Whether the user a token names may use the service.</summary>
[GenerateSerializer, Alias("NVelopes.UserStatus")]
public enum UserStatus
{
    /// <summary>No user has this id (never had, or no longer has).</summary>
    Unknown = 0,
    Active = 1,
    Disabled = 2,
}
