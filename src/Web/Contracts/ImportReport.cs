namespace NVelopes.Web.Contracts;

/// <summary>The answer of <c>POST /accounts/{id}/import</c>: what the import did, or in a dry run would do.</summary>
public sealed record ImportReport(
    bool DryRun, string Format, int EnvelopeId, IReadOnlyList<ImportLine> New, IReadOnlyList<ImportLine> Duplicates,
    IReadOnlyList<RefusedLine> Refused, Account Account);
