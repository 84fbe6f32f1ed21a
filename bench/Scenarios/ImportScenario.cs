using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using NVelopes.Api.Accounts;
using NVelopes.Bench.Options;
using NVelopes.Bench.Seeding;
using NVelopes.Bench.Targets;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// Statement import: a CSV and an OFX statement of <see cref="ScenarioSizes.ImportLines"/> lines each, sent to
/// <c>POST /accounts/{id}/import</c> as a dry run (the same account every time) and for real (a fresh account every
/// time), a warm-up of each and then <see cref="Repeats"/> measured imports; lines per second from the median time
/// of one whole request (upload, reading, duplicate check, the one write, the answer). Peak memory is the largest
/// managed heap of this process sampled while the measured imports ran, over the settled heap before them: the
/// gateway and the silo live here, and so does the client's copy of the file and of the answer.
/// <para>
/// The original has no import: its user types every line, one request each. The same-run baseline is that, for the
/// same lines on the baseline system, <see cref="BenchOptions.Concurrency"/> at a time; the baseline's port serves
/// deposits and moves only, so each line is a deposit of its size (a debit is the same read and write there).
/// </para>
/// </summary>
internal sealed class ImportScenario : IScenario
{
    private const int Repeats = 5;
    private const decimal Opening = 1_000_000m;
    private const int TargetLinesPerSecond = 20_000;

    public string Name => Scenario.Import;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var lines = context.Options.Sizes.ImportLines;
        var baseline = await BaselineLinesPerSecondAsync(context, lines, cancellationToken);
        var results = new List<string>();
        foreach (var (format, file) in new[] { ("csv", StatementFiles.Csv(lines)), ("ofx", StatementFiles.Ofx(lines)) })
        {
            foreach (var dryRun in new[] { true, false })
            {
                var measured = await MeasureAsync(context, format, file, lines, dryRun, cancellationToken);
                var linesPerSecond = lines / measured.Median.TotalSeconds;
                await context.SayAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {format} {(dryRun ? "dry run" : "import")}: {file.Length / 1024:N0} KB, median {measured.Median.TotalMilliseconds:F0} ms " +
                    $"({linesPerSecond:F0} lines/s, target {TargetLinesPerSecond}), peak heap +{measured.PeakHeapBytes / 1024 / 1024} MB"));
                results.Add(ResultLine.Import(context.Options.StoreName, format, dryRun, lines, linesPerSecond,
                    measured.Median.TotalMilliseconds, measured.PeakHeapBytes, baseline));
            }
        }
        return string.Join(Environment.NewLine, results);
    }

    private sealed record Measurement(TimeSpan Median, long PeakHeapBytes);

    private static async Task<Measurement> MeasureAsync(
        ScenarioContext context, string format, byte[] file, int lines, bool dryRun, CancellationToken cancellationToken)
    {
        var system = context.NVelopes;
        var dryRunAccount = dryRun ? await CreateAsync(system, context, cancellationToken) : null;
        async Task<TimeSpan> ImportOnceAsync()
        {
            var accountId = dryRunAccount ?? await CreateAsync(system, context, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", $"statement.{format}" } };
            using var response = await system.Http.PostAsync($"/accounts/{accountId}/import?dry_run={(dryRun ? "true" : "false")}", form, cancellationToken);
            await BenchHttp.EnsureSuccessAsync(response, cancellationToken);
            using var report = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var imported = report.RootElement.GetProperty("new").GetArrayLength();
            if (imported != lines) throw new InvalidOperationException($"The {format} import took {imported} of its {lines} lines.");
            return elapsed;
        }

        await ImportOnceAsync(); // warm-up: the first request of a kind pays for its code once
        var heapBefore = await SettledHeap.WeighAsync(cancellationToken);
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakHeapAsync(sampling.Token);
        var times = new List<TimeSpan>(Repeats);
        for (var i = 0; i < Repeats; i++) times.Add(await ImportOnceAsync());
        await sampling.CancelAsync();
        times.Sort();
        return new Measurement(times[times.Count / 2], Math.Max(0, await peak - heapBefore));
    }

    /// <summary>The largest managed heap seen every millisecond until cancelled.</summary>
    private static Task<long> SamplePeakHeapAsync(CancellationToken stop) => Task.Run(async () =>
    {
        var peak = 0L;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            try { await Task.Delay(1, stop); }
            catch (OperationCanceledException) { break; }
        }
        return peak;
    });

    private static async Task<string> CreateAsync(ISystemUnderTest system, ScenarioContext context, CancellationToken cancellationToken)
    {
        var seeded = AccountSeeds.Opened(system.OwnerId, "Statement account", Opening, context.Clock.GetUtcNow());
        await system.CreateAsync([seeded], cancellationToken);
        return seeded.Account.Id;
    }

    /// <summary>The same lines typed into the baseline one request each, <see cref="BenchOptions.Concurrency"/> at a time.</summary>
    private static async Task<double> BaselineLinesPerSecondAsync(ScenarioContext context, int lines, CancellationToken cancellationToken)
    {
        var system = context.Baseline;
        var accountId = await CreateAsync(system, context, cancellationToken);
        var requests = Enumerable.Range(0, lines).Select(i =>
        {
            var (_, amount, description) = StatementFiles.Line(i, lines);
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new MovementRequest(accountId, Grains.Domain.Account.AvailableEnvelopeId, description, Math.Abs(amount)), BenchHttp.Json);
            return body;
        }).ToArray();
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Concurrency, CancellationToken = cancellationToken },
            async (request, token) =>
            {
                if (await system.Load.PostAsync("/accounts/deposit", request, token) != 200) Interlocked.Increment(ref failed);
            });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var perSecond = (lines - failed) / elapsed.TotalSeconds;
        await context.SayAsync(string.Create(CultureInfo.InvariantCulture,
            $"  baseline: {lines:N0} lines as single deposits in {elapsed.TotalSeconds:F1} s ({perSecond:F0} lines/s), {failed} not ok"));
        return perSecond;
    }
}
