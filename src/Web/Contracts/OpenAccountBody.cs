namespace NVelopes.Web.Contracts;

public sealed record OpenAccountBody(string Name, decimal OpeningBalance, bool CanGoNegative);
