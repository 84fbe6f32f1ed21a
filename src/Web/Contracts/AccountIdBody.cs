namespace NVelopes.Web.Contracts;

/// <summary>The body of undo and redo.</summary>
public sealed record AccountIdBody(string AccountId);
