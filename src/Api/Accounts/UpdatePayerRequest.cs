namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/payers/update</c>; no <c>payments</c> means no split.</summary>
public sealed record UpdatePayerRequest(
    string AccountId, int PaymentSourceId, string Payer, decimal Amount, IReadOnlyList<PaymentRequest>? Payments = null);
