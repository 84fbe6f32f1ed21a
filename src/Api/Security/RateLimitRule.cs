namespace NVelopes.Api.Security;

/// <summary>How many requests of one operation each client address and each username may make per window.</summary>
public sealed class RateLimitRule
{
    /// <summary>Requests per <see cref="Window"/> from one client address, whatever the username.</summary>
    public int PerClientAddress { get; set; }

    /// <summary>Requests per <see cref="Window"/> naming one username, from any address.</summary>
    public int PerUsername { get; set; }

    /// <summary>The fixed window the counts reset after. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsValid => PerClientAddress > 0 && PerUsername > 0 && Window >= TimeSpan.FromSeconds(1);
}
