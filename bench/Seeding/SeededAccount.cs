using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Seeding;

/// <summary>An account built with the domain, and its whole history, ready to be written straight to a store.</summary>
internal sealed record SeededAccount(Account Account, IReadOnlyList<Transaction> History);
