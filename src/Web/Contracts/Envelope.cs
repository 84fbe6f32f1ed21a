namespace NVelopes.Web.Contracts;

public sealed record Envelope(int Id, string Name, decimal Balance);
