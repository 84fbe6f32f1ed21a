namespace NVelopes.Web.Contracts;

/// <summary>One history item in the API's shape (the original's).</summary>
public sealed record TransactionItem(
    DateTime Date, long TxId, int EnvelopeIdSrc, int EnvelopeIdDest, string Envelope, string Op,
    string Description, decimal Amount, decimal AccountBalance);
