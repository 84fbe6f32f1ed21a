namespace NVelopes.Web.Contracts;

/// <summary>An account as <c>GET /accounts/{id}</c> and every mutation answer it.</summary>
public sealed record Account(
    string AccountId, string Name, decimal Balance, long Version,
    IReadOnlyList<Envelope> Envelopes, IReadOnlyList<PaySource> Paysources, TransactionItem? Transaction = null);
