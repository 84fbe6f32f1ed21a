using System.ComponentModel;
using System.Text.Json.Serialization;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

/// <summary>
/// One event of an account's log, as <c>GET /accounts/{id}/changes</c> lists it and the event stream sends it:
/// the version it produced, when (UTC), who asked (a user id), its <c>kind</c>, whether an Idempotency-Key came
/// with it, and the fields of that kind; fields of other kinds are left out.
/// <list type="bullet">
/// <item><c>account_opened</c>: <c>name</c>, <c>can_go_negative</c>, <c>transaction</c> (the opening).</item>
/// <item><c>envelopes_added</c>: <c>envelopes</c>.</item>
/// <item><c>envelope_renamed</c>: <c>envelope_id</c>, <c>old_name</c>, <c>new_name</c>.</item>
/// <item><c>payment_source_added</c>: <c>payment_source</c>; <c>payment_source_updated</c>: also <c>previous_payment_source</c>.</item>
/// <item><c>deposited</c>, <c>debited</c>, <c>cash_withdrawn</c>, <c>money_moved</c>, <c>paid</c>: <c>transaction</c>.</item>
/// <item><c>undone</c>, <c>redone</c>: <c>transaction</c>, the one undone or redone.</item>
/// <item><c>account_closed</c>: nothing more.</item>
/// <item><c>schedule_added</c>, <c>schedule_changed</c>, <c>schedule_removed</c>, <c>scheduled_failed</c>: <c>schedule</c>;
/// <c>scheduled_applied</c>: <c>schedule</c> and <c>transaction</c>.</item>
/// <item><c>member_invited</c>: <c>invitation_id</c>, <c>username</c>, <c>role</c>; <c>invitation_withdrawn</c>,
/// <c>invitation_declined</c>: <c>invitation_id</c>, <c>username</c>.</item>
/// <item><c>member_joined</c>: <c>member</c> (a user id), <c>username</c>, <c>role</c>, <c>invitation_id</c>;
/// <c>member_role_changed</c>: <c>member</c>, <c>role</c>, <c>previous_role</c>; <c>member_removed</c>: <c>member</c>,
/// <c>role</c> (the one they had). The <c>actor</c> is the member who did it (the member themselves when joining or leaving).</item>
/// </list>
/// </summary>
[Description("One event of the account's log: the version it produced, when (UTC), who asked, its `kind`, whether an " +
    "`Idempotency-Key` came with it, and the fields of that kind (fields of other kinds are left out):\n\n" +
    "- `account_opened`: `name`, `can_go_negative`, `transaction` (the opening)\n" +
    "- `envelopes_added`: `envelopes`\n" +
    "- `envelope_renamed`: `envelope_id`, `old_name`, `new_name`\n" +
    "- `payment_source_added`: `payment_source`; `payment_source_updated`: also `previous_payment_source`\n" +
    "- `deposited`, `debited`, `cash_withdrawn`, `money_moved`, `paid`: `transaction`\n" +
    "- `undone`, `redone`: `transaction`, the one undone or redone\n" +
    "- `account_closed`: nothing more\n" +
    "- `schedule_added`, `schedule_changed`, `schedule_removed`, `scheduled_failed`: `schedule`; " +
    "`scheduled_applied`: `schedule` and `transaction`\n" +
    "- `member_invited`: `invitation_id`, `username`, `role`; `invitation_withdrawn`, `invitation_declined`: `invitation_id`, `username`\n" +
    "- `member_joined`: `member` (a user id), `username`, `role`, `invitation_id`; `member_role_changed`: `member`, `role`, " +
    "`previous_role`; `member_removed`: `member`, `role` (the one they had)\n\n" +
    "The `actor` is the member who did it (the member themselves when joining or leaving).")]
public sealed record ChangeResponse(
    [property: Description("The account version this event produced: 1, 2, 3 … without gaps.")] long Version,
    [property: Description("When it happened, in UTC (ISO 8601).")] DateTime At,
    [property: Description("The id of the user who asked for it.")] string Actor,
    [property: Description("What happened.")] string Kind,
    [property: Description("Whether the request came with an `Idempotency-Key`.")] bool Idempotent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? CanGoNegative = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EnvelopeResponse>? Envelopes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EnvelopeId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OldName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NewName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaySourceResponse? PaymentSource = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaySourceResponse? PreviousPaymentSource = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransactionResponse? Transaction = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Schedules.ScheduleEventResponse? Schedule = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InvitationId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Member = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PreviousRole = null)
    : IHasExample<ChangeResponse>
{
    public static ChangeResponse Example => new(
        13, ApiExamples.At, ApiExamples.UserId, "deposited", true, Transaction: TransactionResponse.Example);
}

/// <summary>
/// The answer of <c>GET /accounts/{id}/changes</c>: the account's <c>version</c> now, the events after <c>since</c>
/// (oldest first), and whether <c>more</c> follow the last of them.
/// </summary>
[Description("Events of the account's log after `since`, oldest first.")]
public sealed record ChangesResponse(
    [property: Description("The account's version now: ask `?since=` it next time.")] long Version,
    [property: Description("The events, oldest first.")] IReadOnlyList<ChangeResponse> Changes,
    [property: Description("Whether more events follow the last one listed: ask again from its version.")] bool More) : IHasExample<ChangesResponse>
{
    public static ChangesResponse Example => new(13, [ChangeResponse.Example], false);
}
