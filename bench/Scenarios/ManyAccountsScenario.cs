using System.Text.Json;
using NVelopes.Api.Accounts;
using NVelopes.Bench.Load;
using NVelopes.Bench.Options;
using NVelopes.Bench.Seeding;
using NVelopes.Bench.Targets;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// Clients pick a random account among many and either deposit 0.01 into a random envelope or move 0.01 between
/// two random envelopes (even odds). The accounts are created through each system's store, not through HTTP.
/// </summary>
internal sealed class ManyAccountsScenario : IScenario
{
    private const int Envelopes = ScenarioSizes.EnvelopesPerAccount + 1; // with envelope 0

    public string Name => Scenario.ManyAccounts;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var accounts = AccountSeeds.Funded(
            context.NVelopes.OwnerId, context.Options.Sizes.ManyAccounts, ScenarioSizes.EnvelopesPerAccount, context.Clock.GetUtcNow());
        var ids = accounts.Select(a => a.Account.Id).ToArray();
        var ledgers = new Dictionary<ISystemUnderTest, DepositLedger>();
        foreach (var system in context.Systems)
        {
            await context.SayAsync($"  creating {accounts.Count} accounts in the {system.Name} store…");
            await system.CreateAsync(accounts, cancellationToken);
            ledgers[system] = new DepositLedger(ids, [.. accounts.Select(a => a.Account.Balance)]);
        }

        var (nvelopes, baseline) = await context.CompareAsync(Name, async (system, random, token) =>
        {
            var account = random.Next(ids.Length);
            if (random.Next(2) == 0)
            {
                var deposit = new MovementRequest(ids[account], random.Next(Envelopes), "Deposit", DepositLedger.Amount);
                var status = await system.Load.PostAsync("/accounts/deposit", JsonSerializer.SerializeToUtf8Bytes(deposit, BenchHttp.Json), token);
                if (LoadClient.IsAcknowledged(status)) ledgers[system].Acknowledge(account);
                return status;
            }
            var from = random.Next(Envelopes);
            var to = (from + 1 + random.Next(Envelopes - 1)) % Envelopes;
            var move = new MoveMoneyRequest(ids[account], from, to, "Move", DepositLedger.Amount);
            return await system.Load.PostAsync("/accounts/movemoney", JsonSerializer.SerializeToUtf8Bytes(move, BenchHttp.Json), token);
        }, cancellationToken);

        var lostNVelopes = await LostAsync(context, context.NVelopes, nvelopes, ledgers[context.NVelopes], cancellationToken);
        var lostBaseline = await LostAsync(context, context.Baseline, baseline, ledgers[context.Baseline], cancellationToken);
        return ResultLine.Comparison(Name, context.Options.StoreName, nvelopes, baseline, lostNVelopes, lostBaseline);
    }

    private static async Task<long> LostAsync(
        ScenarioContext context, ISystemUnderTest system, LoadResult load, DepositLedger ledger, CancellationToken cancellationToken)
    {
        var lost = await ledger.LostAsync(system, cancellationToken);
        await context.SayAsync(Summary.Of(system, load, ledger.Acknowledged, lost));
        return lost;
    }
}
