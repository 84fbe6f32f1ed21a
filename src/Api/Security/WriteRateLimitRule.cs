namespace NVelopes.Api.Security;

/// <summary>How many account changes (opens, closes and every command) one user may make per window, from anywhere.</summary>
public sealed class WriteRateLimitRule
{
    /// <summary>Changes per <see cref="Window"/> by one user. Default 600 a minute: ten a second, sustained.</summary>
    public int PerUser { get; set; } = 600;

    /// <summary>The fixed window the count resets after. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsValid => PerUser > 0 && Window >= TimeSpan.FromSeconds(1);
}
