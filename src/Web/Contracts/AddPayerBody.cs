namespace NVelopes.Web.Contracts;

public sealed record AddPayerBody(string AccountId, string Payer, decimal Amount, IReadOnlyList<PaymentLine> Payments);
