using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NVelopes.Api.Accounts;
using NVelopes.Api.Errors;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Preconditions;
using NVelopes.Api.Security;
using NVelopes.Api.Wire;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Schedules;
using NVelopes.Grains.Domain;

namespace NVelopes.Api.Schedules;

/// <summary>
/// An account's schedules: recurring pays, fills and debits. Each handler names the caller as the owner and makes
/// one call to the account's grain, which checks every field (rule, time zone, amounts, envelopes) and applies the
/// occurrences; its refusals reach the client as problem details. Answers carry the account's <c>ETag</c>.
/// </summary>
public static class SchedulesEndpoints
{
    private static readonly string Rules =
        "`rule` is an RFC 5545 RRULE (`FREQ=MONTHLY;BYMONTHDAY=1`, `FREQ=WEEKLY;INTERVAL=2;BYDAY=FR`, the last working day " +
        "`FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1`), at most daily. An occurrence is due at the start of its day in " +
        "`time_zone` (IANA, default UTC), is applied once as a transaction dated then (a `scheduled_applied` event), or, when it " +
        "breaks a rule (a fill larger than Available), recorded as `scheduled_failed` and not retried. Occurrences due between " +
        $"`starts` and now are applied before the answer (at most {AccountLimits.OccurrencesCaughtUpAtOnce}, else 400); later " +
        $"ones within a minute of their due time. An account has at most {AccountLimits.SchedulesPerAccount} schedules.";

    private const string Retries =
        " With an `Idempotency-Key`, a retry answers the schedule the first request left and changes nothing again; " +
        "`If-Match` refuses the change (412) unless the account is still at that version.";

    private static readonly RouteProblem ScheduleNotFound = RouteAnswers.NotFound("No schedule exists with id: 2");

    private static readonly RouteProblem[] TermsRefused =
    [
        RouteAnswers.Invalid("rule 'FREQ=HOURLY' repeats more often than daily; a schedule happens at most once a day."),
        RouteAnswers.Invalid("time_zone 'Mars/Olympus' is not a known IANA time zone (such as Europe/Paris or America/New_York)."),
        RouteAnswers.Invalid($"starts is too far in the past: more than {AccountLimits.OccurrencesCaughtUpAtOnce} occurrences would be applied at once; choose a later start."),
        RouteAnswers.EnvelopeNotFound,
        RouteAnswers.PaymentSourceNotFound,
    ];

    public static IEndpointRouteBuilder MapSchedulesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var schedules = endpoints.MapGroup(AccountIds.AccountRoute + "/schedules")
            .RequireAuthorization()
            .WithTags("Schedules")
            .CheckedByTheDomain();

        schedules.MapPost("/", Add).WithName("AddSchedule").LimitWritesPerUser().Documented(
            "Add a schedule; what is already due is applied before the answer.",
            RouteAnswers.AccountCommand([.. TermsRefused,
                RouteAnswers.Invalid($"An account holds at most {AccountLimits.SchedulesPerAccount} schedules.")]),
            Rules + Retries);
        schedules.MapGet("/", List).WithName("ListSchedules").Documented(
            "The account's schedules, each with its next 5 occurrences.", RouteAnswers.AccountRead(sendsETag: true));
        schedules.MapPut("/{scheduleId:int}", Change).WithName("ChangeSchedule").LimitWritesPerUser().Documented(
            "Replace a schedule's terms; occurrences already handled are never applied again.",
            RouteAnswers.AccountCommand([.. TermsRefused, ScheduleNotFound]),
            Rules + Retries);
        schedules.MapDelete("/{scheduleId:int}", Remove).WithName("RemoveSchedule").LimitWritesPerUser().Documented(
            "Remove a schedule; its applied occurrences stay in the history.",
            RouteAnswers.AccountCommand(ScheduleNotFound),
            "Answers 204 with the account's `ETag`." + Retries);
        return endpoints;
    }

    public static async Task<Created<ScheduleChangeResponse>> Add(string id, ScheduleRequest request, [AsParameters] AccountServices services)
    {
        var update = await SchedulesOf(id, services).AddScheduleAsync(
            new AddSchedule(services.User.Id, request.ToTerms(), services.OptionsFor(new ScheduleCommandInput(id, null, request))), services.Aborted);
        Tag(services, update.Version);
        return TypedResults.Created($"/accounts/{id}/schedules/{update.Schedule.Id}", update.ToResponse());
    }

    public static async Task<JsonOk<IReadOnlyList<ScheduleResponse>>> List(string id, [AsParameters] AccountServices services)
    {
        var list = await SchedulesOf(id, services).ListSchedulesAsync(new ListSchedules(services.User.Id), services.Aborted);
        Tag(services, list.Version);
        return JsonOk.Of<IReadOnlyList<ScheduleResponse>>([.. list.Schedules.Select(s => s.ToResponse())]);
    }

    public static async Task<JsonOk<ScheduleChangeResponse>> Change(
        string id, int scheduleId, ScheduleRequest request, [AsParameters] AccountServices services)
    {
        var update = await SchedulesOf(id, services).ChangeScheduleAsync(
            new ChangeSchedule(services.User.Id, scheduleId, request.ToTerms(), services.OptionsFor(new ScheduleCommandInput(id, scheduleId, request))),
            services.Aborted);
        Tag(services, update.Version);
        return JsonOk.Of(update.ToResponse());
    }

    public static async Task<NoContent> Remove(string id, int scheduleId, [AsParameters] AccountServices services)
    {
        Tag(services, await SchedulesOf(id, services).RemoveScheduleAsync(
            new RemoveSchedule(services.User.Id, scheduleId, services.OptionsFor(new ScheduleCommandInput(id, scheduleId, null))), services.Aborted));
        return TypedResults.NoContent();
    }

    /// <summary>What a schedule change is, for its Idempotency-Key's fingerprint: the account, the schedule and the terms.</summary>
    private sealed record ScheduleCommandInput(string AccountId, int? ScheduleId, ScheduleRequest? Terms);

    /// <summary>The schedules of the account <paramref name="accountId"/> names; an id that cannot name an account is a 404 at once.</summary>
    private static IAccountSchedulesGrain SchedulesOf(string accountId, AccountServices services) =>
        AccountIds.IsWellFormed(accountId)
            ? services.Grains.GetGrain<IAccountSchedulesGrain>(accountId)
            : throw new NVelopesException(ErrorKind.NotFound, "No account has this id.");

    private static void Tag(AccountServices services, long version) =>
        services.Response.Headers[HeaderNames.ETag] = CommandPreconditions.ETagOf(version);
}
