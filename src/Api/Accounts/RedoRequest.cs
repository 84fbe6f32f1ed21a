namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/transactions/redo</c>.</summary>
public sealed record RedoRequest(string AccountId);
