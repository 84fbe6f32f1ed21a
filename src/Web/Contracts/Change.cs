namespace NVelopes.Web.Contracts;

/// <summary>
/// One event of the account's feed, with what the app shows of it: who did it (<c>actor</c>, a user id) and, when
/// a member joined, which user id has which username.
/// </summary>
public sealed record Change(
    long Version, string Kind, TransactionItem? Transaction = null, string? Actor = null, string? Member = null, string? Username = null);
