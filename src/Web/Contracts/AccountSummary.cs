namespace NVelopes.Web.Contracts;

/// <summary>One line of <c>GET /accounts</c>, with the caller's role on the account.</summary>
public sealed record AccountSummary(string AccountId, string Name, decimal Balance, string? Role = null);
