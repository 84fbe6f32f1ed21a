using NVelopes.Api.Accounts;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Wire;
using NVelopes.Grains.Abstractions.Reports;
using NVelopes.Grains.Domain;

namespace NVelopes.Api.Reports;

/// <summary>An account's reports, computed by a report grain from the stored history; the rules are the domain's.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AccountIds.AccountRoute + "/report", Spending)
            .RequireAuthorization()
            .WithTags("Accounts")
            .WithName("SpendingReport")
            .Documented(
                "Money in and out per month (UTC) and per envelope, over a range of months.",
                RouteAnswers.AccountRead(sendsETag: false,
                    RouteAnswers.Invalid("from must be a month as YYYY-MM."),
                    RouteAnswers.Invalid("from must not be after to."),
                    RouteAnswers.Invalid($"A report covers at most {SpendingReport.MaxMonths} months.")),
                "From month `from` to month `to`, both included, computed from the stored history of transactions not undone: " +
                "a deposit is money in, a debit or cash withdrawal money out, a move out of one envelope and into another, a pay " +
                "money in for each envelope of its split and for Available with the rest; the opening balance is not counted. " +
                "Every month of the range is listed, a quiet one with no envelopes. Names are the envelopes' names now. " +
                $"At most {SpendingReport.MaxMonths} months; `from` after `to` or a month not written YYYY-MM is a 400.");
        return endpoints;
    }

    public static async Task<JsonOk<SpendingReportResponse>> Spending([AsParameters] ReportRequest request, [AsParameters] AccountServices services)
    {
        services.Account(request.Id); // an id that cannot name an account is a 404 before any grain is asked
        var report = await services.Grains.GetGrain<IAccountReportGrain>(request.Id)
            .ReadSpendingAsync(new ReadSpending(services.User.Id, request.From, request.To), services.Aborted);
        return JsonOk.Of(new SpendingReportResponse([.. report.Months.Select(month => new SpendingMonthResponse(
            month.Month, [.. month.Envelopes.Select(e => new EnvelopeFlowResponse(e.EnvelopeId, e.Name, e.In, e.Out))]))]));
    }
}
