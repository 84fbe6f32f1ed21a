namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// A statement as read from its file, in file order: the lines that could be read, and those that could not
/// (a date or an amount that does not parse), which the import refuses with their reasons.
/// </summary>
public sealed record Statement(StatementFormat Format, IReadOnlyList<StatementLine> Lines, IReadOnlyList<RefusedLine> Unreadable)
{
    public int LineCount => Lines.Count + Unreadable.Count;
}
