using NVelopes.Bench.Targets;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// Counts the acknowledged deposits of each account, so that after a run the expected balance (opening +
/// acknowledged deposits) can be compared with what the store holds. Every deposit is <see cref="Amount"/>, so the
/// shortfall divided by it is the number of acknowledged deposits that were lost.
/// </summary>
internal sealed class DepositLedger(IReadOnlyList<string> accountIds, IReadOnlyList<decimal> openingBalances)
{
    public const decimal Amount = 0.01m;

    private readonly long[] _acknowledged = new long[accountIds.Count];

    public void Acknowledge(int account) => Interlocked.Increment(ref _acknowledged[account]);

    public long Acknowledged => _acknowledged.Sum();

    /// <summary>
    /// Acknowledged deposits missing from the balances the store holds now. An account that holds more than
    /// expected (a request whose answer was lost, but whose write landed) loses nothing.
    /// </summary>
    public async Task<long> LostAsync(ISystemUnderTest system, CancellationToken cancellationToken)
    {
        var lost = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(0, accountIds.Count).Where(i => _acknowledged[i] > 0),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, token) =>
            {
                var expected = openingBalances[i] + _acknowledged[i] * Amount;
                var actual = await system.BalanceAsync(accountIds[i], token)
                    ?? throw new InvalidOperationException($"{system.Name} lost account {accountIds[i]} altogether.");
                if (actual < expected) Interlocked.Add(ref lost, (long)((expected - actual) / Amount));
            });
        return lost;
    }
}
