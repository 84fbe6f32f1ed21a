namespace NVelopes.Web.Contracts;

public sealed record PaymentLine(int EnvelopeId, decimal Amount);
