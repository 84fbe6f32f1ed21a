namespace NVelopes.Web.Contracts;

/// <summary>One history item in the API's shape (the original's), with the member who recorded it (a user id, or <c>schedule</c>).</summary>
public sealed record TransactionItem(
    DateTime Date, long TxId, int EnvelopeIdSrc, int EnvelopeIdDest, string Envelope, string Op,
    string Description, decimal Amount, decimal AccountBalance, string? Actor = null);
