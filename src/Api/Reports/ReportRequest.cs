using Microsoft.AspNetCore.Mvc;

namespace NVelopes.Api.Reports;

/// <summary>The query of <c>GET /accounts/{id}/report</c>: the months <see cref="From"/> to <see cref="To"/>, as <c>YYYY-MM</c>.</summary>
public sealed record ReportRequest(string Id, [FromQuery(Name = "from")] string? From, [FromQuery(Name = "to")] string? To);
