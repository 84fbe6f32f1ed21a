namespace NVelopes.Api.Accounts;

/// <summary>One line of a split: how much of a payment goes to which envelope.</summary>
public sealed record PaymentRequest(int EnvelopeId, decimal Amount);
