namespace NVelopes.Web.Contracts;

/// <summary>One event of the account's feed, with what the app shows of it.</summary>
public sealed record Change(long Version, string Kind, TransactionItem? Transaction = null);
