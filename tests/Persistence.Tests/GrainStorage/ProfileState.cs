namespace NVelopes.Persistence.Tests.GrainStorage;

/// <summary>A plain grain state, shaped like the user grain's.</summary>
public sealed record ProfileState
{
    public string Name { get; init; } = "";

    public int Logins { get; init; }

    public decimal Credit { get; init; }
}
