using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using NVelopes.Api.Accounts;
using NVelopes.Bench.Options;
using NVelopes.Bench.Seeding;
using NVelopes.Bench.Targets;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// What a script does and a household never does, and the silo's memory around it: <see cref="ScenarioSizes.UnknownIds"/>
/// reads of distinct made-up account ids (each 404), then <see cref="ScenarioSizes.EnvelopeAdds"/> single-envelope
/// adds to one account, all but those up to the envelope limit refused. Weighs the managed heap after a full
/// compacting collection before, after half the misses and after all of them (once their grains have left: what
/// the second half adds is what misses keep, the first half also fills the silo's bounded cache of grain locations)
/// and after the adds, with the process's working set, and counts the account activations in the silo. Both systems live in this process, so the
/// working set moves with the baseline's and the load generator's memory too; the heap and the activations are the
/// silo's figures. The original has no such limits, so there is no baseline system here.
/// </summary>
internal sealed class LimitsScenario : IScenario
{
    private const int Parallelism = 64;
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(60);

    public string Name => Scenario.Limits;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var silo = context.NVelopes.Silo ?? throw new InvalidOperationException(
            "The limits scenario weighs the silo's heap, so it needs the gateway in this process: leave out --url.");
        var sizes = context.Options.Sizes;
        var activations = new AccountActivations(silo.GetRequiredService<IGrainFactory>());
        var activationsAtStart = await activations.CountAsync();
        // What the first requests of a kind cost once (code, pools, buffers) is paid before the first weighing.
        await context.SayAsync("  warming up: a tenth of the reads and adds, on ids and an account of their own…");
        await ReadUnknownAsync(context, sizes.UnknownIds / 10, cancellationToken);
        await AddEnvelopesAsync(context, await CreateAccountAsync(context, cancellationToken), sizes.EnvelopeAdds / 10, cancellationToken);
        var activationsBefore = await activations.WaitForAtMostAsync(activationsAtStart + 1, LeaveTimeout, cancellationToken);
        var heapBefore = await SettledHeap.WeighAsync(cancellationToken);
        var workingSetBefore = Environment.WorkingSet;

        await context.SayAsync($"  {sizes.UnknownIds:N0} reads of made-up account ids…");
        var notFound = await ReadUnknownAsync(context, sizes.UnknownIds / 2, cancellationToken);
        await activations.WaitForAtMostAsync(activationsBefore, LeaveTimeout, cancellationToken);
        var heapAfterHalf = await SettledHeap.WeighAsync(cancellationToken);
        notFound += await ReadUnknownAsync(context, sizes.UnknownIds - sizes.UnknownIds / 2, cancellationToken);
        var activationsAfterUnknown = await activations.WaitForAtMostAsync(activationsBefore, LeaveTimeout, cancellationToken);
        var heapAfterUnknown = await SettledHeap.WeighAsync(cancellationToken);
        var workingSetAfterUnknown = Environment.WorkingSet;

        await context.SayAsync($"  {sizes.EnvelopeAdds:N0} envelope adds to one account…");
        var accountId = await CreateAccountAsync(context, cancellationToken);
        var (added, refused, p99) = await AddEnvelopesAsync(context, accountId, sizes.EnvelopeAdds, cancellationToken);
        var heapAfterEnvelopes = await SettledHeap.WeighAsync(cancellationToken);
        var workingSetAfterEnvelopes = Environment.WorkingSet;

        await context.SayAsync(
            $"  account activations {activationsBefore:N0} → {activationsAfterUnknown:N0} after {notFound:N0} answers 404; managed heap " +
            $"{heapBefore / 1024:N0} KB → {heapAfterHalf / 1024:N0} KB (half the reads) → {heapAfterUnknown / 1024:N0} KB → {heapAfterEnvelopes / 1024:N0} KB; working set " +
            $"{workingSetBefore / 1024 / 1024:N0} MB → {workingSetAfterUnknown / 1024 / 1024:N0} MB → {workingSetAfterEnvelopes / 1024 / 1024:N0} MB; " +
            $"{added} envelopes added, {refused:N0} refused, p99 {p99:F1} ms");
        return ResultLine.Limits(context.Options.StoreName, new LimitsFigures(
            sizes.UnknownIds, notFound, activationsBefore, activationsAfterUnknown,
            heapBefore, heapAfterHalf, heapAfterUnknown, heapAfterEnvelopes,
            workingSetBefore, workingSetAfterUnknown, workingSetAfterEnvelopes,
            added, refused, p99));
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    /// <summary>Reads <paramref name="count"/> made-up account ids; answers how many were 404.</summary>
    private static async Task<int> ReadUnknownAsync(ScenarioContext context, int count, CancellationToken cancellationToken)
    {
        var notFound = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (_, token) =>
        {
            if (await context.NVelopes.Load.GetAsync($"/accounts/{Guid.NewGuid():N}", token) == 404) Interlocked.Increment(ref notFound);
        });
        return notFound;
    }

    /// <summary>An empty account of the bench user, created through the store like every scenario's.</summary>
    private static async Task<string> CreateAccountAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var seeded = AccountSeeds.Empty(context.NVelopes.OwnerId, context.Clock.GetUtcNow());
        await context.NVelopes.CreateAsync([seeded], cancellationToken);
        return seeded.Account.Id;
    }

    /// <summary>Adds envelopes one request at a time, each with its own name: how many were added, refused (400), and the p99.</summary>
    private static async Task<(int Added, int Refused, double P99Milliseconds)> AddEnvelopesAsync(
        ScenarioContext context, string accountId, int count, CancellationToken cancellationToken)
    {
        var added = 0;
        var refused = 0;
        var durations = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, token) =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new AddEnvelopeRequest(accountId, $"Envelope {i}"), BenchHttp.Json);
            var started = Stopwatch.GetTimestamp();
            var status = await context.NVelopes.Load.PostAsync("/accounts/envelopes/addsingle", body, token);
            durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (status == 200) Interlocked.Increment(ref added);
            else if (status == 400) Interlocked.Increment(ref refused);
        });
        var sorted = durations.Order().ToArray();
        return (added, refused, sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)]);
    }

    /// <summary>The account grains the silo holds, as its catalog lists them.</summary>
    private sealed class AccountActivations(IGrainFactory grains)
    {
        private readonly IManagementGrain _management = grains.GetGrain<IManagementGrain>(0);
        private readonly GrainType _type = grains.GetGrain<IAccountGrain>(AccountIds.New()).GetGrainId().Type;

        public async Task<int> CountAsync() => (await _management.GetActiveGrains(_type)).Count;

        /// <summary>Waits until at most <paramref name="count"/> are left, or the limit passes; answers how many are.</summary>
        public async Task<int> WaitForAtMostAsync(int count, TimeSpan limit, CancellationToken cancellationToken)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
            int now;
            while ((now = await CountAsync()) > count && Stopwatch.GetTimestamp() < deadline)
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            return now;
        }
    }
}
