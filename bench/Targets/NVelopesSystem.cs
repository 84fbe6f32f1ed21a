using NVelopes.Bench.Load;
using NVelopes.Bench.Seeding;
using NVelopes.Grains.Storage;

namespace NVelopes.Bench.Targets;

/// <summary>
/// NVelopes: its gateway over HTTP, and the account store its grains use. Accounts are created with
/// <see cref="IAccountStore.CommitAsync"/> as first commits (version 1), exactly what an account grain writes when it
/// opens an account, so grains load them on activation like any other.
/// </summary>
internal sealed class NVelopesSystem(HttpClient http, LoadClient load, string ownerId, IAccountStore store, int writeParallelism, IServiceProvider? silo)
    : ISystemUnderTest
{
    public string Name => "nvelopes";

    public HttpClient Http { get; } = http;

    public LoadClient Load { get; } = load;

    public string OwnerId { get; } = ownerId;

    public IAccountStore Store { get; } = store;

    /// <summary>The services of the in-process gateway and silo; null when the bench drives a gateway at <c>--url</c>.</summary>
    public IServiceProvider? Silo { get; } = silo;

    public Task CreateAsync(IReadOnlyList<SeededAccount> accounts, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = writeParallelism, CancellationToken = cancellationToken },
            async (seeded, token) => await Store.CommitAsync(
                new AccountCommit(seeded.Account, ExpectedVersion: 0, FirstChangedTransactionId: 0, seeded.History, seeded.Events), token));

    public async Task<decimal?> BalanceAsync(string accountId, CancellationToken cancellationToken) =>
        (await Store.LoadAsync(accountId, cancellationToken))?.Account.Balance;
}
