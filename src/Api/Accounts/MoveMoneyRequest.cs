namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/movemoney</c>.</summary>
public sealed record MoveMoneyRequest(string AccountId, int FromId, int ToId, string Description, decimal Amount);
