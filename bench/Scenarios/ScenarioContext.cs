using System.Diagnostics;
using System.Runtime;
using NVelopes.Bench.Load;
using NVelopes.Bench.Options;
using NVelopes.Bench.Targets;

namespace NVelopes.Bench.Scenarios;

/// <summary>What every scenario works with: the options, both systems, the load runner and the progress writer.</summary>
internal sealed record ScenarioContext(
    BenchOptions Options, NVelopesSystem NVelopes, BaselineSystem Baseline, LoadRunner Load, TextWriter Progress, TimeProvider Clock,
    WriteMeter Writes)
{
    public IReadOnlyList<ISystemUnderTest> Systems => [NVelopes, Baseline];

    /// <summary>
    /// The same closed-loop load on both systems: a warm-up of each, then the measured time split into rounds that
    /// alternate between them, so that both see the same (shared, noisy) machine, and neither only its quiet minutes.
    /// </summary>
    /// <param name="operation">One request to the given system: the client's random source in, the status out.</param>
    public async Task<(LoadResult NVelopes, LoadResult Baseline)> CompareAsync(
        string scenario, Func<ISystemUnderTest, Random, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        var systems = Systems;
        foreach (var system in systems) await WarmUpAsync(scenario, system, operation, cancellationToken);

        var rounds = Options.Rounds;
        var window = Options.Measured / rounds;
        var results = systems.ToDictionary(s => s, _ => new List<LoadResult>());
        var writes = WriteMeter.Reading.Zero;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var system in systems)
            {
                var before = Writes.Read();
                results[system].Add(await RunAsync(scenario, system, $"round {round}/{rounds}", window, operation, cancellationToken));
                if (system == NVelopes) writes += Writes.Read() - before;
            }
        }
        if (NVelopes.Silo is not null) await SayAsync($"  nvelopes grains: {writes}");
        return (LoadResult.Combine(results[NVelopes]), LoadResult.Combine(results[Baseline]));
    }

    /// <summary>
    /// Unmeasured load for at least <see cref="BenchOptions.Warmup"/>, then a second at a time until the JIT has
    /// settled (or <see cref="BenchOptions.WarmupLimit"/> has passed). The code runs as a deployment runs it, with tiered
    /// compilation and dynamic PGO, which recompile the hot methods in the background for several seconds; measuring
    /// before that ends would weigh the JIT's work and its first-tier code, and favour whichever system ran later.
    /// </summary>
    private async Task WarmUpAsync(
        string scenario, ISystemUnderTest system, Func<ISystemUnderTest, Random, CancellationToken, Task<int>> operation,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await RunAsync(scenario, system, "warm-up", Options.Warmup, operation, cancellationToken);
        while (Stopwatch.GetElapsedTime(started) < Options.WarmupLimit)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            await RunAsync(scenario, system, "warm-up", TimeSpan.FromSeconds(1), operation, cancellationToken);
            if (JitInfo.GetCompiledMethodCount() - compiledBefore <= SettledMethodsPerSecond) break;
        }
    }

    /// <summary>Methods compiled in a second of load below which the JIT counts as settled.</summary>
    private const int SettledMethodsPerSecond = 10;

    public Task SayAsync(string message) => Progress.WriteLineAsync(message);

    private Task<LoadResult> RunAsync(
        string scenario, ISystemUnderTest system, string phase, TimeSpan window,
        Func<ISystemUnderTest, Random, CancellationToken, Task<int>> operation, CancellationToken cancellationToken) =>
        Load.RunAsync($"{scenario} {system.Name} {phase}", Options.Concurrency, window,
            (random, token) => operation(system, random, token), cancellationToken);
}
