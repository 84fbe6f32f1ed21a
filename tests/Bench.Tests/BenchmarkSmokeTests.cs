using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NVelopes.Bench.Tests;

/// <summary>
/// Keeps the benchmark working: its entry point in smoke mode (small sizes, two seconds a system) must print every
/// RESULT line, and NVelopes must lose no acknowledged update. Timings vary from machine to machine and are not
/// asserted.
/// </summary>
public sealed partial class BenchmarkSmokeTests(ITestOutputHelper output)
{
    private const string MongoDbUriVariable = "MONGODB_URI";

    [SkippableTheory]
    [InlineData("embedded")]
    [InlineData("mongodb")]
    public async Task SmokeRun_EveryScenario_PrintsItsResultLineAndNVelopesLosesNoUpdate(string store)
    {
        Skip.If(store == "mongodb" && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MongoDbUriVariable)),
            $"{MongoDbUriVariable} is not set, so there is no MongoDB server to benchmark on.");
        var results = new StringWriter();
        var progress = new StringWriter();

        var exitCode = await BenchmarkApp.RunAsync(
            ["--scenario", "all", "--store", store, "--seconds", "2", "--smoke"], results, progress);

        output.WriteLine(progress.ToString());
        output.WriteLine(results.ToString());
        Assert.Equal(0, exitCode);
        var lines = results.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var scenario in new[] { "hot-account", "many-accounts", "reads" })
        {
            var line = Assert.Single(lines, l => l.StartsWith($"RESULT scenario={scenario} ", StringComparison.Ordinal));
            Assert.Matches(ComparisonLine(), line);
            Assert.Contains($" store={store} ", line, StringComparison.Ordinal);
            Assert.Contains(" lost_updates_nvelopes=0 ", line, StringComparison.Ordinal);
        }
        Assert.Matches(PagingLine(), Assert.Single(lines, l => l.StartsWith("RESULT scenario=deep-paging ", StringComparison.Ordinal)));
        Assert.Matches(MemoryLine(), Assert.Single(lines, l => l.StartsWith("RESULT scenario=memory ", StringComparison.Ordinal)));
        var feed = Assert.Single(lines, l => l.StartsWith("RESULT scenario=feed ", StringComparison.Ordinal));
        Assert.Matches(FeedLine(), feed);
        Assert.Contains(" missed=0 duplicates=0 ", feed, StringComparison.Ordinal);
        var limits = LimitsLine().Match(Assert.Single(lines, l => l.StartsWith("RESULT scenario=limits ", StringComparison.Ordinal)));
        Assert.True(limits.Success, "the limits line has the wrong format");
        Assert.Equal(limits.Groups["unknown"].Value, limits.Groups["notFound"].Value);
        Assert.True(int.Parse(limits.Groups["after"].Value) <= int.Parse(limits.Groups["before"].Value), "grains of unknown ids stayed");
        Assert.Equal("199", limits.Groups["added"].Value);
        var imports = lines.Where(l => l.StartsWith("RESULT scenario=import ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["csv dry_run", "csv import", "ofx dry_run", "ofx import"],
            imports.Select(l => ImportLine().Match(l)).Select(m => $"{m.Groups["format"].Value} {m.Groups["mode"].Value}"));
        Assert.All(imports, l =>
        {
            Assert.Contains($" store={store} ", l, StringComparison.Ordinal);
            Assert.Contains(" lines=1000 ", l, StringComparison.Ordinal);
        });
        Assert.Equal(11, lines.Length);
    }

    private const string Number = @"\d+(\.\d+)?";

    [GeneratedRegex($@"^RESULT scenario=[a-z-]+ store=[a-z]+ nvelopes_ops_s={Number} baseline_ops_s={Number} ratio=({Number}|inf) nvelopes_p99_ms={Number} baseline_p99_ms={Number} lost_updates_nvelopes=\d+ lost_updates_baseline=\d+$")]
    private static partial Regex ComparisonLine();

    [GeneratedRegex($@"^RESULT scenario=deep-paging store=[a-z]+ page0_ms={Number} pageN_ms={Number} ratio=({Number}|inf)$")]
    private static partial Regex PagingLine();

    [GeneratedRegex(@"^RESULT scenario=memory store=[a-z]+ bytes_per_account=-?\d+$")]
    private static partial Regex MemoryLine();

    [GeneratedRegex($@"^RESULT scenario=limits store=[a-z]+ unknown_ids=(?<unknown>\d+) unknown_404=(?<notFound>\d+) activations_before=(?<before>\d+) activations_after_unknown=(?<after>\d+) heap_before_kb=\d+ heap_after_half_unknown_kb=\d+ heap_after_unknown_kb=\d+ heap_after_envelopes_kb=\d+ working_set_before_mb=\d+ working_set_after_unknown_mb=\d+ working_set_after_envelopes_mb=\d+ envelopes_added=(?<added>\d+) envelopes_refused=\d+ envelope_add_p99_ms={Number}$")]
    private static partial Regex LimitsLine();

    [GeneratedRegex($@"^RESULT scenario=import store=[a-z]+ format=(?<format>csv|ofx) mode=(?<mode>dry_run|import) lines=\d+ lines_s={Number} median_ms={Number} peak_heap_mb={Number} baseline_lines_s={Number} ratio=({Number}|inf)$")]
    private static partial Regex ImportLine();

    [GeneratedRegex($@"^RESULT scenario=feed store=[a-z]+ subscribers=\d+ accounts=\d+ events_delivered=[1-9]\d* missed=\d+ duplicates=\d+ delivery_p99_ms={Number} write_p99_ms={Number} ratio={Number} bytes_per_subscriber=-?\d+$")]
    private static partial Regex FeedLine();
}
