namespace NVelopes.Web.Contracts;

public sealed record UpdatePayerBody(string AccountId, int PaymentSourceId, string Payer, decimal Amount, IReadOnlyList<PaymentLine> Payments);
