namespace NVelopes.Grains.Domain;

/// <summary>
/// The outcome of one command: the account after it, the transaction it recorded (if any), and the id of the
/// transaction it removed from the history (undo).
/// </summary>
public sealed record AccountChange(Account After, Transaction? Recorded = null, long? Removed = null);
