namespace NVelopes.Api.Accounts;

/// <summary>One line of <c>GET /accounts</c>.</summary>
public sealed record AccountSummaryResponse(string AccountId, string Name, decimal Balance);
