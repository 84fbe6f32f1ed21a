using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NVelopes.TestSupport;
using Xunit.Abstractions;

namespace NVelopes.Durability.Tests;

/// <summary>
/// kill -9 of the service in the middle of a burst of deposits, undos and redos: after a restart on the same store,
/// every acknowledged deposit is in the account's log, the log's versions are contiguous, folding the log gives
/// exactly the effective history (whose transaction ids are contiguous), the balance is the sum of that history, and
/// the event stream from 0 replays the same log.
/// </summary>
public sealed class KillDuringABurstTests(ITestOutputHelper output)
{
    private const int Depositors = 14;
    private const int Undoers = 2;

    [SkippableFact]
    public async Task KillDuringABurst_OnMongoDB_LosesNoAcknowledgedDeposit_AndTheLogFoldsToTheHistory()
    {
        var server = await MongoDbTestServer.GetAsync();
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await KillDuringDepositsAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "MongoDB",
            ["ConnectionStrings__MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("durability")),
        });
    }

    [Fact]
    public async Task KillDuringABurst_OnTheEmbeddedStore_LosesNoAcknowledgedDeposit_AndTheLogFoldsToTheHistory()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "nvelopes-durability-" + Guid.NewGuid().ToString("N"));
        try
        {
            await KillDuringDepositsAsync(new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Storage__DataDirectory"] = dataDirectory,
            });
        }
        finally
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private async Task KillDuringDepositsAsync(Dictionary<string, string> deployment)
    {
        var (keySetting, signingKey) = ServiceProcess.NewSigningKey();
        deployment[keySetting] = signingKey;
        await using var first = new ServiceProcess(deployment);
        await first.StartAsync();
        var client = await ServiceClients.SignedInClientAsync(first.BaseAddress);
        var accountId = await OpenAccountAsync(client);

        // Depositors send deposits one after another until the service dies under them.
        var acknowledged = new ConcurrentBag<(string Description, decimal Amount)>();
        var refusals = new ConcurrentBag<string>();
        var undosAndRedos = 0;
        using var stop = new CancellationTokenSource();
        var depositors = Enumerable.Range(0, Depositors).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var deposit = (Description: $"w{worker}-{n}", Amount: 0.01m * (worker + 1));
                try
                {
                    using var answer = await client.PostAsJsonAsync("/accounts/deposit", new
                    {
                        account_id = accountId, envelope_id = 0, description = deposit.Description, amount = deposit.Amount,
                    });
                    if (answer.StatusCode == HttpStatusCode.OK) acknowledged.Add(deposit);
                    else refusals.Add($"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException) when (stop.IsCancellationRequested || acknowledged.Count > 0)
                {
                    return; // the service is gone
                }
                catch (Exception unexpected) when (!stop.IsCancellationRequested)
                {
                    refusals.Add(unexpected.ToString());
                    return;
                }
            }
        })).Concat(Enumerable.Range(0, Undoers).Select(_ => Task.Run(async () =>
        {
            // Undo the newest transaction, then take the undo back, again and again: the log's undo and redo events.
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    using var answer = await client.PostAsJsonAsync(n % 2 == 0 ? "/accounts/transactions/undo" : "/accounts/transactions/redo",
                        new { account_id = accountId });
                    if (answer.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref undosAndRedos);
                    await Task.Delay(5);
                }
                catch (HttpRequestException)
                {
                    return; // the service is gone
                }
            }
        }))).ToArray();

        await WaitUntilAsync(() => acknowledged.Count >= 200, TimeSpan.FromSeconds(60),
            () => $"{acknowledged.Count} acknowledged; refusals: {string.Join(" | ", refusals.Take(3))}");
        await first.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(depositors);

        await using var second = new ServiceProcess(deployment);
        await second.StartAsync();
        var reader = await ServiceClients.SignedInClientAsync(second.BaseAddress, client);
        var history = await ServiceClients.ReadWholeHistoryAsync(reader, accountId);
        var account = await reader.GetFromJsonAsync<JsonObject>($"/accounts/{accountId}");

        var log = await ServiceClients.ReadWholeLogAsync(reader, accountId);

        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(t => t["tx_id"]!.GetValue<long>()));
        Assert.Equal(Enumerable.Range(1, log.Count).Select(v => (long)v), log.Select(e => e["version"]!.GetValue<long>()));
        Assert.Equal(log.Count, account!["version"]!.GetValue<long>());
        Assert.Equal(history.Select(Identity), EffectiveHistoryOf(log).Select(Identity));
        var logged = log.Where(e => e["kind"]!.GetValue<string>() == "deposited").Select(e => e["transaction"]!["description"]!.GetValue<string>()).ToHashSet();
        var lost = acknowledged.Where(d => !logged.Contains(d.Description)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged deposits are missing from the log, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal(history.Sum(t => t["amount"]!.GetValue<decimal>()), account["balance"]!.GetValue<decimal>());
        Assert.True(log.Count(e => e["kind"]!.GetValue<string>() is "undone" or "redone") >= undosAndRedos);
        Assert.True(acknowledged.Count >= 200);
        await AssertTheStreamReplaysAsync(reader, accountId, log);
        output.WriteLine($"killed after {acknowledged.Count} acknowledged deposits and {undosAndRedos} undos and redos; " +
                         $"{log.Count} events and {history.Count - 1} effective transactions after restart; balance {account["balance"]}");
    }

    private static async Task<string> OpenAccountAsync(HttpClient client)
    {
        using var opened = await client.PostAsJsonAsync("/accounts/new", new { name = "Burst", opening_balance = 0 });
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<JsonObject>())!["AccountId"]!.GetValue<string>();
    }

    /// <summary>The effective history the log describes: money events add their transaction, undo takes the newest away, redo puts it back.</summary>
    private static List<JsonObject> EffectiveHistoryOf(IEnumerable<JsonObject> log)
    {
        var effective = new List<JsonObject>();
        foreach (var change in log)
        {
            var transaction = change["transaction"]?.AsObject();
            switch (change["kind"]!.GetValue<string>())
            {
                case "undone":
                    Assert.Equal(Identity(effective[^1]), Identity(transaction!));
                    effective.RemoveAt(effective.Count - 1);
                    break;
                case "account_opened" or "deposited" or "redone":
                    effective.Add(transaction!);
                    break;
            }
        }
        return effective;
    }

    private static (long, string, decimal) Identity(JsonObject transaction) => (
        transaction["tx_id"]!.GetValue<long>(), transaction["description"]!.GetValue<string>(), transaction["amount"]!.GetValue<decimal>());

    /// <summary>The event stream from version 0 sends the same events, in the same order, with their versions as ids.</summary>
    private static async Task AssertTheStreamReplaysAsync(HttpClient client, string accountId, List<JsonObject> log)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{accountId}/events?since=0");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var streamed = await reader.ReadAsync(log.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(log.Select(e => (e["version"]!.ToString(), e["kind"]!.GetValue<string>())), streamed.Select(e => (e.Id!, e.Event)));
        Assert.Equal(log.Select(e => e.ToJsonString()), streamed.Select(e => JsonNode.Parse(e.Data)!.ToJsonString()));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> progress)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The burst of deposits did not get going: {progress()}");
            await Task.Delay(20);
        }
    }
}
