namespace NVelopes.Grains.Abstractions.Reports;

/// <summary>Money in and out per month and envelope from month <see cref="From"/> to <see cref="To"/> (both <c>YYYY-MM</c>, inclusive).</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ReadSpending")]
public sealed record ReadSpending(string OwnerId, string? From, string? To);
