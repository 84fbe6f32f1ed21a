namespace NVelopes.Grains.Domain;

/// <summary>A named share of an account's money. Its id is its position: envelopes are never removed.</summary>
public sealed record Envelope(int Id, string Name, decimal Balance);
