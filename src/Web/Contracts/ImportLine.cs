namespace NVelopes.Web.Contracts;

/// <summary>A statement line: positive a deposit, negative a debit.</summary>
public sealed record ImportLine(int Line, DateOnly Date, decimal Amount, string Description, string ImportId);
