using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Bench.Seeding;

/// <summary>
/// An account built with the domain, its whole history and the events that made it, ready to be written straight to
/// a store as its opening commit.
/// </summary>
internal sealed record SeededAccount(Account Account, IReadOnlyList<Transaction> History, IReadOnlyList<RecordedEvent> Events);
