namespace NVelopes.Api.Accounts;

/// <summary>One line of <c>GET /accounts</c>, with the caller's <c>role</c> on the account.</summary>
public sealed record AccountSummaryResponse(string AccountId, string Name, decimal Balance, string Role);
