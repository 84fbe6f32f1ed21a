namespace NVelopes.Web.Contracts;

public sealed record PayBody(string AccountId, int PaymentSourceId, string Payer, decimal Amount, string Description, IReadOnlyList<PaymentLine> Payments);
