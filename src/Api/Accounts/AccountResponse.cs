using System.Text.Json.Serialization;

namespace NVelopes.Api.Accounts;

/// <summary>
/// An account as <c>GET /accounts/{id}</c> shows it, at <c>version</c> (its newest event's, as the ETag says).
/// Mutations answer the same shape plus <c>transaction</c>, the one they recorded (undo and redo: the one they undid or
/// redid), which is left out where there is none.
/// </summary>
public sealed record AccountResponse(
    string AccountId,
    string Name,
    decimal Balance,
    long Version,
    IReadOnlyList<EnvelopeResponse> Envelopes,
    IReadOnlyList<PaySourceResponse> Paysources,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransactionResponse? Transaction = null);
