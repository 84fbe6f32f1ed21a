namespace NVelopes.Web.Contracts;

/// <summary>An occurrence to come: its date (after the weekend rule) and when it is due, in UTC.</summary>
public sealed record Occurrence(DateOnly Date, DateTime DueAt);
