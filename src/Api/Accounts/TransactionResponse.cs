namespace NVelopes.Api.Accounts;

/// <summary>
/// One history item in the original's shape. <see cref="Date"/> is UTC; an unused envelope id is -1;
/// <see cref="PayEnvelopes"/> is the split a PAY applied; <see cref="Actor"/> the member who recorded it (a user id).
/// </summary>
public sealed record TransactionResponse(
    DateTime Date,
    long TxId,
    string OwnerId,
    string AccountId,
    int EnvelopeIdSrc,
    int EnvelopeIdDest,
    string Envelope,
    string Op,
    string Description,
    decimal Amount,
    decimal AccountBalance,
    IReadOnlyList<SplitResponse> PayEnvelopes,
    string Actor);
