namespace NVelopes.Api.Health;

/// <summary>Tags that decide which health endpoint runs a check.</summary>
public static class HealthTags
{
    /// <summary>Checks that must pass before the service takes traffic (<c>/health/ready</c>), such as the store.</summary>
    public const string Ready = "ready";
}
