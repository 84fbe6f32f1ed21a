namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/payers/add</c>; no <c>payments</c> means no split.</summary>
public sealed record AddPayerRequest(string AccountId, string Payer, decimal Amount, IReadOnlyList<PaymentRequest>? Payments = null);
