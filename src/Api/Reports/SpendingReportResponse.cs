using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Reports;

[Description("Money in and out per month and per envelope: every month of the range, oldest first.")]
public sealed record SpendingReportResponse(
    [property: Description("Every month from `from` to `to`, a quiet one with no envelopes.")] IReadOnlyList<SpendingMonthResponse> Months)
    : IHasExample<SpendingReportResponse>
{
    public static SpendingReportResponse Example => new([SpendingMonthResponse.Example]);
}

[Description("One month (UTC) with the envelopes that had money in or out in it.")]
public sealed record SpendingMonthResponse(
    [property: Description("The month, `YYYY-MM`.")] string Month,
    [property: Description("The envelopes with money in or out that month.")] IReadOnlyList<EnvelopeFlowResponse> Envelopes)
    : IHasExample<SpendingMonthResponse>
{
    public static SpendingMonthResponse Example => new("2026-11", [EnvelopeFlowResponse.Example]);
}

[Description("An envelope's money in and out in one month, under its name now.")]
public sealed record EnvelopeFlowResponse(
    [property: Description("The envelope's id; 0 is Available.")] int EnvelopeId,
    [property: Description("The envelope's name now.")] string Name,
    [property: Description("Money that came in.")] decimal In,
    [property: Description("Money that went out.")] decimal Out) : IHasExample<EnvelopeFlowResponse>
{
    public static EnvelopeFlowResponse Example => new(1, ApiExamples.Groceries, 400m, 312.60m);
}
