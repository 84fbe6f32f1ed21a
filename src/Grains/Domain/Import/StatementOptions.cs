namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// What the user tells the reader about a statement where guessing is not enough; every value is optional.
/// Columns of a CSV file are named by their header or by their number, from 1.
/// </summary>
/// <param name="Format"><c>csv</c>, <c>ofx</c>, <c>qfx</c> or <c>qif</c>; otherwise from the file's name or content.</param>
/// <param name="DateFormat">A .NET date pattern such as <c>dd/MM/yyyy</c>; otherwise detected from the dates of the file.</param>
/// <param name="DecimalSeparator"><c>.</c> or <c>,</c>; otherwise detected from the amounts of the file.</param>
public sealed record StatementOptions(
    string? Format = null,
    string? DateColumn = null,
    string? AmountColumn = null,
    string? InColumn = null,
    string? OutColumn = null,
    string? DescriptionColumn = null,
    string? DateFormat = null,
    string? DecimalSeparator = null)
{
    public static readonly StatementOptions None = new();
}
