namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// One transaction of a bank statement as the bank wrote it: the line of the file it starts on (1-based), its
/// booking date, its signed amount (positive: money in, negative: money out), its text, and the bank's own id for
/// it when the format has one (OFX <c>FITID</c>).
/// </summary>
public sealed record StatementLine(int Line, DateOnly Date, decimal Amount, string Description, string? BankId = null);
