using System.Text.Json.Serialization;

namespace NVelopes.Api.Accounts;

/// <summary>
/// An account as <c>GET /accounts/{id}</c> shows it. Mutations answer the same shape plus <c>transaction</c>, the one
/// they recorded, which is left out where there is none.
/// </summary>
public sealed record AccountResponse(
    string AccountId,
    string Name,
    decimal Balance,
    IReadOnlyList<EnvelopeResponse> Envelopes,
    IReadOnlyList<PaySourceResponse> Paysources,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransactionResponse? Transaction = null);
