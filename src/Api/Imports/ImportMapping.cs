using NVelopes.Api.Accounts;
using NVelopes.Grains.Abstractions.Imports;

namespace NVelopes.Api.Imports;

public static class ImportMapping
{
    public static StatementSettings ToSettings(this ImportRequest request) => new(
        request.Format, request.DateColumn, request.AmountColumn, request.InColumn, request.OutColumn,
        request.DescriptionColumn, request.DateFormat, request.DecimalSeparator);

    public static ImportResponse ToResponse(this ImportReport report) => new(
        report.DryRun,
        report.Format,
        report.EnvelopeId,
        [.. report.New.Select(ToResponse)],
        [.. report.Duplicates.Select(ToResponse)],
        [.. report.Refused.Select(r => new RefusedLineResponse(r.Line, r.Reason))],
        report.Account.ToResponse());

    private static ImportLineResponse ToResponse(ImportLineView line) =>
        new(line.Line, line.Date, line.Amount, line.Description, line.ImportId);
}
