namespace NVelopes.Web.Contracts;

/// <summary>What became of an occurrence: the transaction it recorded, or why it failed.</summary>
public sealed record OccurrenceOutcome(int ScheduleId, DateOnly Date, long? TransactionId = null, string? Failed = null);
