using NVelopes.Bench.Baseline;
using NVelopes.Bench.Load;
using NVelopes.Bench.Seeding;

namespace NVelopes.Bench.Targets;

/// <summary>The baseline: its HTTP app, and its store for set-up and checks.</summary>
internal sealed class BaselineSystem(HttpClient http, LoadClient load, string ownerId, IBaselineStore store) : ISystemUnderTest
{
    private const int InsertBatch = 2_000;

    public string Name => "baseline";

    public HttpClient Http { get; } = http;

    public LoadClient Load { get; } = load;

    public string OwnerId { get; } = ownerId;

    public async Task CreateAsync(IReadOnlyList<SeededAccount> accounts, CancellationToken cancellationToken)
    {
        foreach (var batch in accounts.Chunk(InsertBatch)) await store.InsertAsync(batch, cancellationToken);
    }

    public async Task<decimal?> BalanceAsync(string accountId, CancellationToken cancellationToken) =>
        (await store.FindAsync(OwnerId, accountId, cancellationToken))?.Balance;
}
