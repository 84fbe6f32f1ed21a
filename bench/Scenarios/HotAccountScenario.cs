using System.Text.Json;
using NVelopes.Api.Accounts;
using NVelopes.Bench.Load;
using NVelopes.Bench.Options;
using NVelopes.Bench.Seeding;
using NVelopes.Bench.Targets;

namespace NVelopes.Bench.Scenarios;

/// <summary>Every client deposits 0.01 into one and the same account.</summary>
internal sealed class HotAccountScenario : IScenario
{
    public string Name => Scenario.HotAccount;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var hot = new Dictionary<ISystemUnderTest, HotAccount>();
        foreach (var system in context.Systems) hot[system] = await HotAccount.CreateAsync(system, context.Clock, cancellationToken);

        var (nvelopes, baseline) = await context.CompareAsync(Name, async (system, _, token) =>
        {
            var account = hot[system];
            var status = await system.Load.PostAsync("/accounts/deposit", account.Deposit, token);
            if (LoadClient.IsAcknowledged(status)) account.Ledger.Acknowledge(0);
            return status;
        }, cancellationToken);

        var lostNVelopes = await hot[context.NVelopes].ReportAsync(context, context.NVelopes, nvelopes, cancellationToken);
        var lostBaseline = await hot[context.Baseline].ReportAsync(context, context.Baseline, baseline, cancellationToken);
        return ResultLine.Comparison(Name, context.Options.StoreName, nvelopes, baseline, lostNVelopes, lostBaseline);
    }

    /// <summary>One system's hot account, its ready-made deposit body and the deposits it acknowledged.</summary>
    private sealed record HotAccount(byte[] Deposit, DepositLedger Ledger)
    {
        public static async Task<HotAccount> CreateAsync(ISystemUnderTest system, TimeProvider clock, CancellationToken cancellationToken)
        {
            var seeded = AccountSeeds.Empty(system.OwnerId, clock.GetUtcNow());
            await system.CreateAsync([seeded], cancellationToken);
            var deposit = JsonSerializer.SerializeToUtf8Bytes(
                new MovementRequest(seeded.Account.Id, Grains.Domain.Account.AvailableEnvelopeId, "Hot deposit", DepositLedger.Amount), BenchHttp.Json);
            return new HotAccount(deposit, new DepositLedger([seeded.Account.Id], [seeded.Account.Balance]));
        }

        public async Task<long> ReportAsync(ScenarioContext context, ISystemUnderTest system, LoadResult load, CancellationToken cancellationToken)
        {
            var lost = await Ledger.LostAsync(system, cancellationToken);
            await context.SayAsync(Summary.Of(system, load, Ledger.Acknowledged, lost));
            return lost;
        }
    }
}
