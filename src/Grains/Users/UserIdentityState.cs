namespace NVelopes.Grains.Users;

/// <summary>The persisted record of one user id: the key of the user grain that holds the user.</summary>
[GenerateSerializer, Alias("NVelopes.UserIdentityState")]
public sealed class UserIdentityState
{
    /// <summary>The state name the identity grain persists this record under.</summary>
    public const string StateName = "identity";

    [Id(0)] public string UsernameKey { get; set; } = "";

    /// <summary>
    /// Accounts of others this user joined, or is joining: written before the account records the member, and
    /// checked against the account on every listing, which drops those the user is no member of.
    /// </summary>
    [Id(1)] public List<string> SharedAccountIds { get; set; } = [];
}
