using System.ComponentModel;
using System.Text.Json.Serialization;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

/// <summary>
/// An account as <c>GET /accounts/{id}</c> shows it, at <c>version</c> (its newest event's, as the ETag says).
/// Mutations answer the same shape plus <c>transaction</c>, the one they recorded (undo and redo: the one they undid or
/// redid), which is left out where there is none.
/// </summary>
[Description("An account with its envelopes and payment sources. Changes answer the same, with `transaction`: the one they " +
    "recorded (undo and redo: the one undone or redone); it is left out where there is none.")]
public sealed record AccountResponse(
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The account's name.")] string Name,
    [property: Description("The sum of the envelopes' balances.")] decimal Balance,
    [property: Description("The version of the account: its newest event's, as the `ETag` header says.")] long Version,
    [property: Description("The envelopes in id order; envelope 0 is Available, which holds what is not allocated.")] IReadOnlyList<EnvelopeResponse> Envelopes,
    [property: Description("The payment sources in id order.")] IReadOnlyList<PaySourceResponse> Paysources,
    [property: Description("The transaction this change recorded, undid or redid; absent where there is none.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransactionResponse? Transaction = null) : IHasExample<AccountResponse>
{
    public static AccountResponse Example => new(
        ApiExamples.AccountId,
        ApiExamples.AccountName,
        1292.40m,
        ApiExamples.Version,
        [new(0, "Available", 780.00m), new(1, ApiExamples.Groceries, 512.40m)],
        [PaySourceResponse.Example],
        TransactionResponse.Example);
}
