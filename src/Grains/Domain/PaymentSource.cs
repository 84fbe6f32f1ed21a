using System.Collections.Immutable;

namespace NVelopes.Grains.Domain;

/// <summary>A regular payer (an employer, say) and how its pay is split across envelopes.</summary>
public sealed record PaymentSource(int Id, string Payer, decimal Amount, ImmutableArray<Split> Splits);
