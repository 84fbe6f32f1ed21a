namespace NVelopes.Grains.Abstractions;

/// <summary>Names of the grain storage providers, shared by grains and the hosts that register them.</summary>
public static class StorageNames
{
    /// <summary>Plain grain state of the users: one record per normalised username, one per user id.</summary>
    public const string Users = "users";
}
