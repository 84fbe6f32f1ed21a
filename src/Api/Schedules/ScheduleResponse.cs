using System.ComponentModel;
using System.Text.Json.Serialization;
using NVelopes.Api.Accounts;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Schedules;

/// <summary>
/// A schedule: its terms, <c>handled_through</c> (every occurrence up to that date is applied or failed; absent
/// before the first) and its next occurrences with when each is due (UTC).
/// </summary>
[Description("A schedule: its terms, how far it has run and its next occurrences.")]
public sealed record ScheduleResponse(
    [property: Description("The schedule's id in its account.")] int Id,
    [property: Description("`pay`, `fill` or `debit`.")] string Kind,
    [property: Description("The RFC 5545 RRULE.")] string Rule,
    [property: Description("The first day an occurrence may fall on.")] DateOnly Starts,
    [property: Description("The IANA time zone whose midnight an occurrence is due at.")] string TimeZone,
    [property: Description("`keep`, `before` or `after`: what happens to an occurrence on a weekend.")] string Weekend,
    [property: Description("The description of each occurrence's transaction.")] string Description,
    [property: Description("`fill`: how much goes to which envelope; empty for the other kinds.")] IReadOnlyList<SplitResponse> Fills,
    [property: Description("The next occurrences not handled yet, at most 5.")] IReadOnlyList<OccurrenceResponse> Next,
    [property: Description("`pay`: the payment source; absent for the other kinds.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PaymentSourceId = null,
    [property: Description("`debit`: the envelope; absent for the other kinds.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EnvelopeId = null,
    [property: Description("`pay` and `debit`: the amount; absent for `fill`.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Amount = null,
    [property: Description("Every occurrence up to this date is applied or failed; absent before the first.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? HandledThrough = null)
    : IHasExample<ScheduleResponse>
{
    public static ScheduleResponse Example => new(
        2, "pay", "FREQ=MONTHLY;BYMONTHDAY=25", new DateOnly(2026, 11, 25), "Europe/London", "before", "monthly salary", [],
        [new(new DateOnly(2026, 12, 25), new DateTime(2026, 12, 25, 0, 0, 0, DateTimeKind.Utc)),
            new(new DateOnly(2027, 1, 25), new DateTime(2027, 1, 25, 0, 0, 0, DateTimeKind.Utc))],
        PaymentSourceId: 1, Amount: 2450.00m, HandledThrough: new DateOnly(2026, 11, 25));
}

/// <summary>An occurrence to come: its date and the moment it is due, the start of that day in the schedule's zone.</summary>
[Description("An occurrence to come.")]
public sealed record OccurrenceResponse(
    [property: Description("Its date (after the weekend rule).")] DateOnly Date,
    [property: Description("When it is due, in UTC: the start of its day in the schedule's time zone.")] DateTime DueAt)
    : IHasExample<OccurrenceResponse>
{
    public static OccurrenceResponse Example => new(new DateOnly(2026, 12, 25), new DateTime(2026, 12, 25, 0, 0, 0, DateTimeKind.Utc));
}

/// <summary>What became of an occurrence: the id of the transaction it recorded, or why it <c>failed</c>.</summary>
[Description("What became of an occurrence: the transaction it recorded, or why it failed.")]
public sealed record OccurrenceOutcomeResponse(
    [property: Description("The schedule's id.")] int ScheduleId,
    [property: Description("The occurrence's date.")] DateOnly Date,
    [property: Description("The id of the transaction it recorded; absent when it failed.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TransactionId = null,
    [property: Description("Why it failed (it is not retried); absent when it was applied.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Failed = null)
    : IHasExample<OccurrenceOutcomeResponse>
{
    public static OccurrenceOutcomeResponse Example => new(2, new DateOnly(2026, 11, 25), TransactionId: 5);
}

/// <summary>A schedule after it was added or changed, and the occurrences that were due and applied before the answer, oldest first.</summary>
[Description("A schedule after it was added or changed, and the occurrences that were due and applied before the answer, oldest " +
    "first (a retry under the same `Idempotency-Key` lists those it applied itself, normally none).")]
public sealed record ScheduleChangeResponse(
    [property: Description("The schedule as it is now.")] ScheduleResponse Schedule,
    [property: Description("The occurrences this request applied, oldest first.")] IReadOnlyList<OccurrenceOutcomeResponse> Applied)
    : IHasExample<ScheduleChangeResponse>
{
    public static ScheduleChangeResponse Example => new(ScheduleResponse.Example, [OccurrenceOutcomeResponse.Example]);
}

/// <summary>
/// What a schedule event of the change feed carries: <c>schedule_added</c>, <c>schedule_changed</c> and
/// <c>schedule_removed</c> the schedule's terms; <c>scheduled_applied</c> the occurrence's date (its transaction is
/// the change's <c>transaction</c>); <c>scheduled_failed</c> the date and the <c>reason</c>.
/// </summary>
[Description("What a schedule event carries: `schedule_added`, `schedule_changed` and `schedule_removed` the schedule's terms; " +
    "`scheduled_applied` the occurrence's date (its transaction is the change's `transaction`); `scheduled_failed` the date and the reason.")]
public sealed record ScheduleEventResponse(
    [property: Description("The schedule's id.")] int ScheduleId,
    [property: Description("The occurrence's date; absent for a change of the schedule itself.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Date = null,
    [property: Description("Why the occurrence failed; absent otherwise.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: Description("The schedule's terms after the event; absent for an occurrence.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ScheduleResponse? Terms = null)
    : IHasExample<ScheduleEventResponse>
{
    public static ScheduleEventResponse Example => new(2, new DateOnly(2026, 11, 25));
}
