namespace NVelopes.Grains.Testing;

/// <summary>
/// Where a process holds still for a crash test: <c>Testing:PauseAt</c> names one <see cref="PausePoints"/> point.
/// Unset (always, outside those tests), every point is passed straight through.
/// </summary>
public sealed class PausePointOptions
{
    public const string SectionName = "Testing";

    public string? PauseAt { get; set; }
}
