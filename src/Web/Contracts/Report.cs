namespace NVelopes.Web.Contracts;

/// <summary>The answer of <c>GET /accounts/{id}/report</c>.</summary>
public sealed record Report(IReadOnlyList<ReportMonth> Months);
