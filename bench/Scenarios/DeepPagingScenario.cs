using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using NVelopes.Bench.Options;
using NVelopes.Bench.Targets;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// One account with a very long history (built through the account store in large commits, not through HTTP):
/// the time of its first page against its last page, at 100 transactions a page, over HTTP. Each figure is the
/// median of several requests, taken in turns so that both see the same machine.
/// </summary>
internal sealed class DeepPagingScenario : IScenario
{
    private const int CommitSize = 5_000;
    private const int WarmupRequests = 3;

    public string Name => Scenario.DeepPaging;

    public async Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var system = context.NVelopes;
        var history = context.Options.Sizes.DeepHistory;
        var accountId = await BuildHistoryAsync(context, system, history, cancellationToken);

        const int size = ScenarioSizes.PageSize;
        var lastPage = (history - 1) / size;
        var first = $"/accounts/{accountId}/transactions/0/{size}";
        var deep = $"/accounts/{accountId}/transactions/{lastPage}/{size}";
        await RequirePageAsync(system.Http, first, 0, cancellationToken);
        await RequirePageAsync(system.Http, deep, lastPage * size, cancellationToken);

        for (var i = 0; i < WarmupRequests; i++)
        {
            await TimeAsync(system.Http, first, cancellationToken);
            await TimeAsync(system.Http, deep, cancellationToken);
        }
        var firstTimes = new List<double>();
        var deepTimes = new List<double>();
        for (var i = 0; i < context.Options.Sizes.PagingSamples; i++)
        {
            firstTimes.Add(await TimeAsync(system.Http, first, cancellationToken));
            deepTimes.Add(await TimeAsync(system.Http, deep, cancellationToken));
        }
        await context.SayAsync($"  page 0: {string.Join(' ', firstTimes.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        await context.SayAsync($"  page {lastPage}: {string.Join(' ', deepTimes.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        return ResultLine.Paging(context.Options.StoreName, Median(firstTimes), Median(deepTimes));
    }

    /// <summary>
    /// Opens an account and deposits into it until it holds <paramref name="count"/> transactions, with the domain,
    /// committing every <see cref="CommitSize"/> transactions as one <see cref="AccountCommit"/> that appends them.
    /// </summary>
    private static async Task<string> BuildHistoryAsync(ScenarioContext context, NVelopesSystem system, long count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var now = context.Clock.GetUtcNow();
        var opened = Account.Open(Guid.NewGuid().ToString("N"), system.OwnerId, "Decades of history", 0, canGoNegative: false, now);
        var account = opened.After;
        var batch = new List<Transaction>(CommitSize) { opened.Recorded! };
        var events = new List<RecordedEvent>(CommitSize) { new(1, now, system.OwnerId, false, opened.Event) };
        var version = 0L;
        await context.SayAsync($"  building a history of {count:N0} transactions through the account store…");
        while (account.NextTransactionId < count || batch.Count > 0)
        {
            if (account.NextTransactionId < count && batch.Count < CommitSize)
            {
                var deposited = account.Deposit(Account.AvailableEnvelopeId, "Deep history", 0.01m, now);
                account = deposited.After;
                batch.Add(deposited.Recorded!);
                events.Add(new RecordedEvent(account.Version, now, system.OwnerId, false, deposited.Event));
                continue;
            }
            await system.Store.CommitAsync(new AccountCommit(account, version, batch[0].Id, batch, events), cancellationToken);
            version = account.Version;
            batch = new List<Transaction>(CommitSize);
            events = new List<RecordedEvent>(CommitSize);
            if (account.NextTransactionId % 100_000 == 0)
                await context.SayAsync($"    {account.NextTransactionId:N0} transactions ({started.Elapsed.TotalSeconds:F0} s)");
        }
        await context.SayAsync($"  history of {account.NextTransactionId:N0} transactions built in {started.Elapsed.TotalSeconds:F1} s");
        return account.Id;
    }

    /// <summary>Checks once that a page is really the page asked for: full, and starting at the right id.</summary>
    private static async Task RequirePageAsync(HttpClient http, string path, long firstId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await BenchHttp.EnsureSuccessAsync(response, cancellationToken);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(BenchHttp.Json, cancellationToken);
        if (page.GetArrayLength() != ScenarioSizes.PageSize || page[0].GetProperty("tx_id").GetInt64() != firstId)
            throw new InvalidOperationException($"{path} did not answer {ScenarioSizes.PageSize} transactions from id {firstId}.");
    }

    private static async Task<double> TimeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await BenchHttp.EnsureSuccessAsync(response, cancellationToken);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
