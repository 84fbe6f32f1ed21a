namespace NVelopes.Grains.Domain.Events;

/// <summary>
/// An event as the account's log keeps it: the account <see cref="Version"/> it produced (1 for the opening, then
/// 2, 3 … with no gaps), when, who asked (<see cref="Actor"/>, a user id) and whether the request carried an
/// Idempotency-Key (so a client can tell a retried command from a repeated one).
/// </summary>
public sealed record RecordedEvent(long Version, DateTimeOffset At, string Actor, bool Idempotent, AccountEvent Event);
