namespace NVelopes.Web.Contracts;

public sealed record MoveBody(string AccountId, int FromId, int ToId, string Description, decimal Amount);
