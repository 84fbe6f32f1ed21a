using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

/// <summary>One history item in the original's shape (<see cref="LegacyTransaction"/>).</summary>
[Description("One transaction of the history, in the original service's shape.")]
public sealed record TransactionResponse(
    [property: Description("When it was recorded, in UTC (ISO 8601).")] DateTime Date,
    [property: Description("The transaction's id: 0 is the opening, then 1, 2, … in order; an undone transaction's id is reused.")] long TxId,
    [property: Description("The id of the user who owns the account.")] string OwnerId,
    [property: Description("The account's id.")] string AccountId,
    [property: Description("The envelope the money came from or went to; -1 for none (a pay).")] int EnvelopeIdSrc,
    [property: Description("A move's target envelope; -1 for every other kind.")] int EnvelopeIdDest,
    [property: Description("The envelope's name when it was recorded; a move's is `From -> To`; a pay's is empty.")] string Envelope,
    [property: Description("What happened: `DEPOSIT`, `DEBIT`, `ATM`, `MOVE`, `PAY` or `FILL` (a scheduled fill from Available).")] string Op,
    [property: Description("The description as given; a pay's is `payer - description`.")] string Description,
    [property: Description("The amount: positive into the account, negative out of it (debits, cash); a move's is what moved.")] decimal Amount,
    [property: Description("The account's balance after it.")] decimal AccountBalance,
    [property: Description("The split a pay applied; empty for every other kind.")] IReadOnlyList<SplitResponse> PayEnvelopes,
    [property: Description("The id of the member who recorded it; `schedule` for an occurrence a schedule applied.")] string Actor)
    : IHasExample<TransactionResponse>
{
    public static TransactionResponse Example => new(
        ApiExamples.At, 4, ApiExamples.UserId, ApiExamples.AccountId, 1, LegacyTransaction.NoEnvelope, ApiExamples.Groceries,
        "DEPOSIT", "weekly shop refund", 12.34m, 1292.40m, [], ApiExamples.UserId);
}
