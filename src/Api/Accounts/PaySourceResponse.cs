namespace NVelopes.Api.Accounts;

/// <summary>A payment source and its split, as the original listed them.</summary>
public sealed record PaySourceResponse(int Id, string Payer, decimal Amount, IReadOnlyList<SplitResponse> Envelopes);
