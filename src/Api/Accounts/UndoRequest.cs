namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/transactions/undo</c>.</summary>
public sealed record UndoRequest(string AccountId);
