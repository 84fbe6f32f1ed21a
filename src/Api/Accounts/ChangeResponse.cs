using System.Text.Json.Serialization;

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
/// <item><c>member_invited</c>: <c>invitation_id</c>, <c>username</c>, <c>role</c>; <c>invitation_withdrawn</c>,
/// <c>invitation_declined</c>: <c>invitation_id</c>, <c>username</c>.</item>
/// <item><c>member_joined</c>: <c>member</c> (a user id), <c>username</c>, <c>role</c>, <c>invitation_id</c>;
/// <c>member_role_changed</c>: <c>member</c>, <c>role</c>, <c>previous_role</c>; <c>member_removed</c>: <c>member</c>,
/// <c>role</c> (the one they had). The <c>actor</c> is the member who did it (the member themselves when joining or leaving).</item>
/// </list>
/// </summary>
public sealed record ChangeResponse(
    long Version,
    DateTime At,
    string Actor,
    string Kind,
    bool Idempotent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? CanGoNegative = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EnvelopeResponse>? Envelopes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EnvelopeId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OldName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NewName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaySourceResponse? PaymentSource = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaySourceResponse? PreviousPaymentSource = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransactionResponse? Transaction = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InvitationId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Member = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PreviousRole = null);

/// <summary>
/// The answer of <c>GET /accounts/{id}/changes</c>: the account's <c>version</c> now, the events after <c>since</c>
/// (oldest first), and whether <c>more</c> follow the last of them.
/// </summary>
public sealed record ChangesResponse(long Version, IReadOnlyList<ChangeResponse> Changes, bool More);
