namespace NVelopes.Web.Contracts;

public sealed record PaySource(int Id, string Payer, decimal Amount, IReadOnlyList<SplitLine> Envelopes);
