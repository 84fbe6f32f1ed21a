using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// A silo dies while it holds active accounts and deposits keep arriving: its accounts come back on the survivors
/// from MongoDB, callers see only retriable errors meanwhile, and with their idempotency keys every deposit ends up
/// acknowledged and recorded exactly once.
/// </summary>
[Collection(MongoDbServerCollection.Name)]
public sealed class SiloFailoverTests(MongoDbServerFixture server, ITestOutputHelper output)
{
    private const short Silos = 3;
    private const int Accounts = 24;
    private const int WorkersPerAccount = 2;
    private const string Owner = "failover-owner";
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadAfterRecovery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task KillSilo_HoldingActiveAccountsDuringDeposits_EveryDepositLandsExactlyOnceAndBalancesMatchHistory()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await using var test = await MongoDbTestCluster.StartAsync(server, Silos);
        var client = test.Client;
        var management = client.GetGrain<IManagementGrain>(0);
        Assert.Equal(Silos, (await management.GetHosts(onlyActive: true)).Count);

        // Accounts spread over the silos; the victim is the silo that holds the most of them.
        var ledgers = new List<DepositLedger>();
        var hosts = new Dictionary<string, SiloAddress>();
        for (var i = 0; i < Accounts; i++)
        {
            var id = $"failover-{Guid.NewGuid():N}";
            var account = client.GetGrain<IAccountGrain>(id);
            await account.OpenAsync(new OpenAccount(Owner, $"Account {i}", 0m, CanGoNegative: false));
            hosts[id] = (await management.GetActivationAddress(account))!;
            ledgers.Add(new DepositLedger(id));
        }
        var placement = hosts.GroupBy(h => h.Value).ToDictionary(g => g.Key, g => g.Select(h => h.Key).ToHashSet());
        output.WriteLine($"Accounts per silo: {string.Join(", ", placement.Select(p => $"{p.Key}={p.Value.Count}"))}");
        Assert.True(placement.Count >= 2, "the accounts should be spread over several silos");
        var (victimAddress, victimAccounts) = placement.MaxBy(p => p.Value.Count);
        var victim = test.Cluster.Silos.Single(s => s.SiloAddress.Equals(victimAddress));

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = ledgers
            .SelectMany(ledger => Enumerable.Range(0, WorkersPerAccount).Select(worker => DepositUntilStoppedAsync(client, ledger, worker, clock, stop.Token)))
            .ToList();

        await Task.Delay(LoadBeforeKill);
        var killedAt = clock.Elapsed;
        await test.Cluster.KillSiloAsync(victim);
        output.WriteLine($"Killed {victimAddress} holding {victimAccounts.Count} of {Accounts} accounts at {killedAt.TotalSeconds:0.00} s");

        var declaredDeadAt = await WaitUntilAsync(
            async () => (await management.GetHosts(onlyActive: true)).Keys.All(s => !s.Equals(victimAddress)), clock, RecoveryLimit);
        var servedAgainAt = await WaitUntilAsync(
            () => Task.FromResult(ledgers.Where(l => victimAccounts.Contains(l.AccountId)).All(l => l.FirstAcknowledgedAfter(killedAt) is not null)),
            clock, RecoveryLimit);
        await Task.Delay(LoadAfterRecovery);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var failures = ledgers.SelectMany(l => l.Failures).ToList();
        var (victimStatus, votes) = await test.ReadMembershipRowAsync(victimAddress);
        output.WriteLine($"Victim's membership row: {victimStatus} with {votes} suspicion vote(s).");
        output.WriteLine($"Victim out of the active silos {(declaredDeadAt - killedAt).TotalSeconds:0.00} s after the kill; " +
            $"every account of the victim served again {(servedAgainAt - killedAt).TotalSeconds:0.00} s after it.");
        output.WriteLine($"{ledgers.Sum(l => l.Acknowledged.Count)} deposits acknowledged; {failures.Count} attempt(s) failed and were retried " +
            $"({string.Join(", ", failures.GroupBy(f => Describe(f.Error)).Select(g => $"{g.Key} x{g.Count()}"))})" +
            (failures.Count > 0 ? $", the last {(failures.Max(f => f.At) - killedAt).TotalSeconds:0.00} s after the kill." : "."));

        // Correctness, not timing: every deposit was acknowledged in the end (a retry with its idempotency key settles
        // an attempt whose outcome the caller could not know), is in the history exactly once, and every balance is
        // the sum of its history and of the deposits sent.
        foreach (var ledger in ledgers)
        {
            var account = client.GetGrain<IAccountGrain>(ledger.AccountId);
            var view = await account.ViewAsync(new ViewAccount(Owner));
            var history = await ReadWholeHistoryAsync(account);

            Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(t => t.TxId));
            Assert.Equal(view.Balance, history.Sum(t => t.Amount));
            Assert.Equal(ledger.Attempted.Count, ledger.Acknowledged.Count);
            var deposits = history.Skip(1).ToDictionary(t => t.Description, t => t.Amount);
            Assert.Equal(history.Count - 1, deposits.Count);
            Assert.Equal(ledger.Acknowledged.OrderBy(d => d.Key), deposits.OrderBy(d => d.Key));
            Assert.Equal(ledger.Acknowledged.Values.Sum(), view.Balance);
        }
        Assert.True(ledgers.Where(l => victimAccounts.Contains(l.AccountId)).All(l => l.FirstAcknowledgedAfter(killedAt) is not null));
    }

    /// <summary>
    /// One caller depositing into one account, one deposit at a time, each with a unique description and an
    /// idempotency key. A retriable error is retried with the same key until the deposit is acknowledged; anything
    /// else fails the test.
    /// </summary>
    private static async Task DepositUntilStoppedAsync(IClusterClient client, DepositLedger ledger, int worker, Stopwatch clock, CancellationToken stop)
    {
        var account = client.GetGrain<IAccountGrain>(ledger.AccountId);
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var description = $"w{worker}-{n}";
            var amount = 0.01m * (1 + (n * 7 + worker) % 500);
            var deposit = new RecordMovement(Owner, MovementKind.Deposit, 0, description, amount,
                new CommandOptions(IdempotencyKey: $"{ledger.AccountId}/{description}", RequestFingerprint: amount.ToString(CultureInfo.InvariantCulture)));
            ledger.Attempt(description, amount);
            var started = clock.Elapsed;
            while (true)
            {
                try
                {
                    await account.RecordMovementAsync(deposit);
                    ledger.Acknowledge(description, amount, started, clock.Elapsed);
                    break;
                }
                catch (Exception error) when (IsRetriable(error) && clock.Elapsed - started < RecoveryLimit)
                {
                    ledger.Fail(error, clock.Elapsed);
                    await Task.Delay(200, CancellationToken.None);
                }
            }
        }
    }

    private static async Task<List<TransactionView>> ReadWholeHistoryAsync(IAccountGrain account)
    {
        const int size = 1000;
        var history = new List<TransactionView>();
        for (var page = 0; ; page++)
        {
            ImmutableArray<TransactionView> batch = await account.ReadHistoryAsync(new ReadHistory(Owner, page, size));
            history.AddRange(batch);
            if (batch.Length < size) return history;
        }
    }

    private static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, Stopwatch clock, TimeSpan limit)
    {
        var deadline = clock.Elapsed + limit;
        while (clock.Elapsed < deadline)
        {
            try
            {
                if (await condition()) return clock.Elapsed;
            }
            catch (Exception error) when (IsRetriable(error))
            {
                // The management grain may itself live on the dead silo for a moment.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The cluster did not recover within {limit.TotalSeconds} s.");
    }

    /// <summary>The errors a caller may see while a silo dies, all of which the API answers with 503 and Retry-After.</summary>
    private static bool IsRetriable(Exception error) => error switch
    {
        NVelopesException { Kind: ErrorKind.Unavailable } => true,
        OrleansMessageRejectionException or TimeoutException => true,
        _ => false,
    };

    private static string Describe(Exception error) =>
        error is NVelopesException refused ? $"{error.GetType().Name}({refused.Kind})" : error.GetType().Name;
}
