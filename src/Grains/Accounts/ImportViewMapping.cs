using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Imports;
using NVelopes.Grains.Domain.Import;

namespace NVelopes.Grains.Accounts;

/// <summary>Statement imports between the domain and the grain's contract.</summary>
internal static class ImportViewMapping
{
    public static StatementOptions ToOptions(this StatementSettings settings) => new(
        settings.Format, settings.DateColumn, settings.AmountColumn, settings.InColumn, settings.OutColumn,
        settings.DescriptionColumn, settings.DateFormat, settings.DecimalSeparator);

    public static ImportReport ToReport(this ImportPlan plan, bool dryRun, int envelopeId, AccountView account) => new(
        dryRun,
        plan.Format.ToString().ToLowerInvariant(),
        envelopeId,
        [.. plan.New.Select(ToView)],
        [.. plan.Duplicates.Select(ToView)],
        [.. plan.Refused.Select(r => new RefusedLineView(r.Line, r.Reason))],
        account);

    private static ImportLineView ToView(ImportedLine line) => new(line.Line, line.Date, line.Amount, line.Description, line.ImportId);
}
