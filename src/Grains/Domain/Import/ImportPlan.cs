namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// What importing a statement into an account does: the lines it records (<see cref="New"/>, one deposit or debit
/// each, in <see cref="Changes"/>), the lines the account already holds (<see cref="Duplicates"/>), the lines it
/// refuses with their reasons (<see cref="Refused"/>), and the account after the new lines. A dry run answers it; a
/// real import writes <see cref="Changes"/> at once, and only when nothing is refused.
/// </summary>
public sealed record ImportPlan(
    StatementFormat Format,
    IReadOnlyList<ImportedLine> New,
    IReadOnlyList<ImportedLine> Duplicates,
    IReadOnlyList<RefusedLine> Refused,
    IReadOnlyList<AccountChange> Changes,
    Account After)
{
    /// <summary>Refuses the import when any line is refused, naming the first in the reason: a real import is all lines or none.</summary>
    public ImportPlan RequireNothingRefused()
    {
        if (Refused.Count == 0) return this;
        var first = Refused[0];
        var others = Refused.Count > 1 ? $" {Refused.Count - 1} more lines are refused too; a dry run lists them." : "";
        throw DomainException.Invalid($"Line {first.Line}: {first.Reason} Nothing was imported.{others}");
    }
}
