namespace NVelopes.Api.Reports;

/// <summary>The answer of <c>GET /accounts/{id}/report</c>: every month of the range, oldest first.</summary>
public sealed record SpendingReportResponse(IReadOnlyList<SpendingMonthResponse> Months);

/// <summary>One month (<c>YYYY-MM</c>, UTC) with the envelopes that had money in or out in it.</summary>
public sealed record SpendingMonthResponse(string Month, IReadOnlyList<EnvelopeFlowResponse> Envelopes);

/// <summary>An envelope's money in and out in one month, under its name now.</summary>
public sealed record EnvelopeFlowResponse(int EnvelopeId, string Name, decimal In, decimal Out);
