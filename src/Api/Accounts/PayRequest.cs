namespace NVelopes.Api.Accounts;

/// <summary>
/// The body of <c>POST /accounts/pay</c>. <c>payments</c> absent or null pays by the payment source's stored
/// split; <c>[]</c> pays with no split, so everything goes to envelope 0.
/// </summary>
public sealed record PayRequest(
    string AccountId,
    int PaymentSourceId,
    string? Payer,
    decimal Amount,
    string Description,
    IReadOnlyList<PaymentRequest>? Payments = null);
