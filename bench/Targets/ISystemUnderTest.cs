using NVelopes.Bench.Load;
using NVelopes.Bench.Seeding;

namespace NVelopes.Bench.Targets;

/// <summary>One of the two systems as the scenarios see it: HTTP for the measured load, its store for set-up and checks.</summary>
internal interface ISystemUnderTest
{
    /// <summary>"nvelopes" or "baseline".</summary>
    string Name { get; }

    /// <summary>The client for set-up and checks, authenticated as the bench user.</summary>
    HttpClient Http { get; }

    /// <summary>The client the measured load runs through, authenticated as the bench user.</summary>
    LoadClient Load { get; }

    /// <summary>The bench user's id, the owner of every seeded account.</summary>
    string OwnerId { get; }

    /// <summary>Writes seeded accounts straight to the system's store, not through HTTP.</summary>
    Task CreateAsync(IReadOnlyList<SeededAccount> accounts, CancellationToken cancellationToken);

    /// <summary>The balance the store holds durably for an account (null if it has none).</summary>
    Task<decimal?> BalanceAsync(string accountId, CancellationToken cancellationToken);
}
