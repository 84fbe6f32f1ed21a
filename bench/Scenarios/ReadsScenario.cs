using NVelopes.Bench.Load;
using NVelopes.Bench.Options;
using NVelopes.Bench.Seeding;

namespace NVelopes.Bench.Scenarios;

/// <summary>Clients read random accounts (<c>GET /accounts/{id}</c>) among a thousand. Reads lose nothing.</summary>
internal sealed class ReadsScenario : IScenario
{
    public string Name => Scenario.Reads;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var accounts = AccountSeeds.Funded(
            context.NVelopes.OwnerId, context.Options.Sizes.ReadAccounts, ScenarioSizes.EnvelopesPerAccount, context.Clock.GetUtcNow());
        foreach (var system in context.Systems)
        {
            await context.SayAsync($"  creating {accounts.Count} accounts in the {system.Name} store…");
            await system.CreateAsync(accounts, cancellationToken);
        }
        var paths = accounts.Select(a => $"/accounts/{a.Account.Id}").ToArray();

        var (nvelopes, baseline) = await context.CompareAsync(Name,
            (system, random, token) => system.Load.GetAsync(paths[random.Next(paths.Length)], token), cancellationToken);

        await context.SayAsync(Summary.Of(context.NVelopes, nvelopes, acknowledgedDeposits: 0, lost: 0));
        await context.SayAsync(Summary.Of(context.Baseline, baseline, acknowledgedDeposits: 0, lost: 0));
        return ResultLine.Comparison(Name, context.Options.StoreName, nvelopes, baseline, lostNVelopes: 0, lostBaseline: 0);
    }
}
