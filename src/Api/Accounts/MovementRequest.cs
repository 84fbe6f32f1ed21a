namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/deposit</c>, <c>/debit</c> and <c>/atm</c>.</summary>
public sealed record MovementRequest(string AccountId, int EnvelopeId, string Description, decimal Amount);
