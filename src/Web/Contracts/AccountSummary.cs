namespace NVelopes.Web.Contracts;

public sealed record AccountSummary(string AccountId, string Name, decimal Balance);
