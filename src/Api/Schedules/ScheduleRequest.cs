using System.ComponentModel;
using NVelopes.Api.Accounts;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Schedules;

/// <summary>
/// The body of <c>POST /accounts/{id}/schedules</c> and <c>PUT /accounts/{id}/schedules/{schedule_id}</c>.
/// <c>kind</c> <c>pay</c> names <c>payment_source_id</c> and <c>amount</c>; <c>fill</c> names <c>fills</c>
/// (envelope and amount, from Available); <c>debit</c> names <c>envelope_id</c> and <c>amount</c>. <c>rule</c> is an
/// RFC 5545 RRULE, <c>starts</c> a date (YYYY-MM-DD), <c>time_zone</c> an IANA id (default UTC), <c>weekend</c>
/// <c>keep</c> (default), <c>before</c> or <c>after</c>.
/// </summary>
[Description("A schedule's terms. `pay` names `payment_source_id` and `amount`; `fill` names `fills` (from Available into " +
    "other envelopes); `debit` names `envelope_id` and `amount`. A field the kind does not use is refused.")]
public sealed record ScheduleRequest(
    [property: Description("What each occurrence does: `pay` (a pay day of a payment source), `fill` (move money from Available) or `debit`.")]
    string Kind,
    [property: Description("When: an RFC 5545 RRULE, at most daily, such as `FREQ=MONTHLY;BYMONTHDAY=1`.")] string Rule,
    [property: Description("The first day an occurrence may fall on (YYYY-MM-DD); occurrences between it and today are applied at once.")]
    DateOnly? Starts,
    [property: Description("The IANA time zone whose midnight an occurrence is due at; default UTC.")] string? TimeZone = null,
    [property: Description("An occurrence on a Saturday or Sunday: `keep` it (default), move it `before` (Friday) or `after` (Monday).")]
    string? Weekend = null,
    [property: Description("Why, as the history shows each occurrence's transaction.")] string? Description = null,
    [property: Description("`pay`: the payment source whose split is paid.")] int? PaymentSourceId = null,
    [property: Description("`debit`: the envelope debited.")] int? EnvelopeId = null,
    [property: Description("`pay` and `debit`: how much, more than 0, whole cents.")] decimal? Amount = null,
    [property: Description("`fill`: how much goes from Available to which envelope.")] IReadOnlyList<PaymentRequest>? Fills = null)
    : IHasExample<ScheduleRequest>
{
    public static ScheduleRequest Example => new(
        "pay", "FREQ=MONTHLY;BYMONTHDAY=25", new DateOnly(2026, 12, 25), "Europe/London", "before", "December salary",
        PaymentSourceId: 1, Amount: 2450.00m);
}
