namespace NVelopes.Api.Accounts;

public sealed record EnvelopeResponse(int Id, string Name, decimal Balance);
