namespace NVelopes.Web.Contracts;

public sealed record MovementBody(string AccountId, int EnvelopeId, string Description, decimal Amount);
