namespace NVelopes.Grains.Storage;

public sealed record AccountSummary(string AccountId, string Name, decimal Balance);
