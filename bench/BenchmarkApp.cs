using System.Diagnostics;
using NVelopes.Bench.Options;
using NVelopes.Bench.Scenarios;

namespace NVelopes.Bench;

/// <summary>The benchmark's entry point, callable from tests: RESULT lines to one writer, progress to another.</summary>
public static class BenchmarkApp
{
    private static readonly IReadOnlyDictionary<string, IScenario> Scenarios = new IScenario[]
    {
        new HotAccountScenario(),
        new ManyAccountsScenario(),
        new ReadsScenario(),
        new DeepPagingScenario(),
        new MemoryScenario(),
        new FeedScenario(),
        new LimitsScenario(),
        new ImportScenario(),
    }.ToDictionary(s => s.Name);

    /// <returns>0 when every scenario ran; 2 for a bad command line.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter results, TextWriter progress, CancellationToken cancellationToken = default)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (Exception bad) when (bad is ArgumentException or FormatException or UriFormatException)
        {
            await progress.WriteLineAsync(bad.Message);
            await progress.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }

        await progress.WriteLineAsync(
            $"NVelopes benchmark: {string.Join(", ", options.Scenarios)} on {options.StoreName}, {options.Concurrency} clients, " +
            $"{options.Warmup.TotalSeconds:0.#}-{options.WarmupLimit.TotalSeconds:0.#} s warm-up (until the JIT settles) + {options.Seconds:0.#} s measured per system{(options.Smoke ? ", smoke sizes" : "")}; " +
            $"{Environment.ProcessorCount} cores ({Machine.CpuModel()}), load average {Machine.LoadAverage()}");
        var total = Stopwatch.StartNew();
        await using (var session = await BenchSession.StartAsync(options, progress, cancellationToken))
        {
            foreach (var name in options.Scenarios)
            {
                await progress.WriteLineAsync($"{name}:");
                var line = await Scenarios[name].RunAsync(session.Context, cancellationToken);
                await results.WriteLineAsync(line);
                await results.FlushAsync(cancellationToken);
            }
        }
        await progress.WriteLineAsync(
            $"done in {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()} ({System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods JIT-compiled, " +
            $"{System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F1} s compiling)");
        return 0;
    }
}
