namespace NVelopes.Grains.Abstractions.Health;

/// <summary>The outcome of one store probe. The failure's details stay in the silo's log, never in the answer.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.StoreProbe")]
public sealed record StoreProbe(bool Reachable, string Store);
