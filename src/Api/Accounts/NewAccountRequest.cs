namespace NVelopes.Api.Accounts;

/// <summary>The body of <c>POST /accounts/new</c>; an account can go negative unless told otherwise.</summary>
public sealed record NewAccountRequest(string Name, decimal OpeningBalance, bool CanGoNegative = true);
