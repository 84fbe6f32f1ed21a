using System.Text.Json.Serialization;
using NVelopes.Api.Accounts;

namespace NVelopes.Api.Schedules;

/// <summary>
/// A schedule: its terms, <c>handled_through</c> (every occurrence up to that date is applied or failed; absent
/// before the first) and its next occurrences with when each is due (UTC).
/// </summary>
public sealed record ScheduleResponse(
    int Id,
    string Kind,
    string Rule,
    DateOnly Starts,
    string TimeZone,
    string Weekend,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PaymentSourceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EnvelopeId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Amount,
    IReadOnlyList<SplitResponse> Fills,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? HandledThrough,
    IReadOnlyList<OccurrenceResponse> Next);

/// <summary>An occurrence to come: its date and the moment it is due, the start of that day in the schedule's zone.</summary>
public sealed record OccurrenceResponse(DateOnly Date, DateTime DueAt);

/// <summary>What became of an occurrence: the id of the transaction it recorded, or why it <c>failed</c>.</summary>
public sealed record OccurrenceOutcomeResponse(
    int ScheduleId,
    DateOnly Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TransactionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Failed);

/// <summary>A schedule after it was added or changed, and the occurrences that were due and applied before the answer, oldest first.</summary>
public sealed record ScheduleChangeResponse(ScheduleResponse Schedule, IReadOnlyList<OccurrenceOutcomeResponse> Applied);

/// <summary>
/// What a schedule event of the change feed carries: <c>schedule_added</c>, <c>schedule_changed</c> and
/// <c>schedule_removed</c> the schedule's terms; <c>scheduled_applied</c> the occurrence's date (its transaction is
/// the change's <c>transaction</c>); <c>scheduled_failed</c> the date and the <c>reason</c>.
/// </summary>
public sealed record ScheduleEventResponse(
    int ScheduleId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ScheduleResponse? Terms);
