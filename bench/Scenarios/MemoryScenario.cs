using System.Diagnostics;
using NVelopes.Bench.Options;
using NVelopes.Bench.Seeding;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// Bytes of managed heap per activated account: accounts with ten envelopes (besides "Available") and eleven
/// transactions are created through the store, then every one is activated in the silo by reading it through
/// its grain. The heap is weighed after a full, compacting collection before and after the activations.
/// </summary>
internal sealed class MemoryScenario : IScenario
{
    private const int Parallelism = 64;

    public string Name => Scenario.Memory;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var silo = context.NVelopes.Silo ?? throw new InvalidOperationException(
            "The memory scenario weighs the silo's heap, so it needs the gateway in this process: leave out --url.");
        var grains = silo.GetRequiredService<IGrainFactory>();
        var count = context.Options.Sizes.MemoryAccounts;
        var ids = await CreateAccountsAsync(context, count, cancellationToken);

        var before = await SettledHeap.WeighAsync(cancellationToken);
        var process = Process.GetCurrentProcess();
        var privateBefore = process.PrivateMemorySize64;
        var query = new ViewAccount(context.NVelopes.OwnerId);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (id, token) => await grains.GetGrain<IAccountGrain>(id).ViewAsync(query, token));
        var after = await SettledHeap.WeighAsync(cancellationToken);
        process.Refresh();

        var perAccount = (after - before) / count;
        await context.SayAsync(
            $"  managed heap {before / 1024:N0} KB → {after / 1024:N0} KB for {count:N0} activations; process private memory " +
            $"{privateBefore / 1024 / 1024:N0} MB → {process.PrivateMemorySize64 / 1024 / 1024:N0} MB");
        return ResultLine.Memory(context.Options.StoreName, perAccount);
    }

    /// <summary>Creates the accounts and keeps only their ids, so the seeds are garbage before the first weighing.</summary>
    private static async Task<string[]> CreateAccountsAsync(ScenarioContext context, int count, CancellationToken cancellationToken)
    {
        var accounts = AccountSeeds.Funded(context.NVelopes.OwnerId, count, ScenarioSizes.EnvelopesPerAccount, context.Clock.GetUtcNow());
        await context.SayAsync($"  creating {count} accounts in the nvelopes store…");
        await context.NVelopes.CreateAsync(accounts, cancellationToken);
        return [.. accounts.Select(a => a.Account.Id)];
    }
}
