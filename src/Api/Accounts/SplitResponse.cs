namespace NVelopes.Api.Accounts;

/// <summary>One line of a stored or paid split: envelope <see cref="Id"/> gets <see cref="Amount"/>.</summary>
public sealed record SplitResponse(int Id, decimal Amount);
