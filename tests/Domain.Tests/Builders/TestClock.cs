namespace NVelopes.Domain.Tests.Builders;

/// <summary>The one moment every test records its transactions at: the domain has no clock of its own.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
}
