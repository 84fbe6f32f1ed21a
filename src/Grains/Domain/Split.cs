namespace NVelopes.Grains.Domain;

/// <summary>One envelope's share of a payment.</summary>
public sealed record Split(int EnvelopeId, decimal Amount);
