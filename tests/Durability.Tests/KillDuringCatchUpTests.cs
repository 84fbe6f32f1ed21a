using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NVelopes.TestSupport;
using Xunit.Abstractions;

namespace NVelopes.Durability.Tests;

/// <summary>
/// kill -9 of the service while a new schedule is catching up on a year of daily occurrences, one durable write each:
/// after a restart on the same store, the account's reminder finishes the catch-up by itself, and every occurrence is
/// in the log exactly once, oldest first, each with its transaction in the history and the balance their sum.
/// </summary>
public sealed class KillDuringCatchUpTests(ITestOutputHelper output)
{
    private const int Occurrences = 366;
    private const decimal Amount = 0.01m;

    [SkippableFact]
    public async Task KillDuringCatchUp_OnMongoDB_AppliesEveryOccurrenceExactlyOnceAfterTheRestart()
    {
        var server = await MongoDbTestServer.GetAsync();
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await KillDuringCatchUpAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "MongoDB",
            ["ConnectionStrings__MongoDB"] = server.ConnectionStringFor(MongoDbTestServer.NewDatabaseName("catchup")),
        });
    }

    [Fact]
    public async Task KillDuringCatchUp_OnTheEmbeddedStore_AppliesEveryOccurrenceExactlyOnceAfterTheRestart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "nvelopes-catchup-" + Guid.NewGuid().ToString("N"));
        try
        {
            await KillDuringCatchUpAsync(new Dictionary<string, string>
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

    private async Task KillDuringCatchUpAsync(Dictionary<string, string> deployment)
    {
        var (keySetting, signingKey) = ServiceProcess.NewSigningKey();
        deployment[keySetting] = signingKey;
        // One occurrence per durable write makes the catch-up last long enough to be killed in the middle of it;
        // ticks every second bring the account back soon after the restart.
        deployment["Schedules__OccurrencesPerBatch"] = "1";
        deployment["Schedules__TickPeriod"] = "00:00:01";
        deployment["Reminders__MinimumReminderPeriod"] = "00:00:01";
        await using var first = new ServiceProcess(deployment);
        await first.StartAsync();
        var client = await ServiceClients.SignedInClientAsync(first.BaseAddress);
        using var opened = await client.PostAsJsonAsync("/accounts/new", new { name = "Catch-up", opening_balance = 100 });
        var accountId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["AccountId"]!.GetValue<string>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var starts = today.AddDays(-(Occurrences - 1));

        var adding = client.PostAsJsonAsync($"/accounts/{accountId}/schedules", new
        {
            kind = "debit", rule = "FREQ=DAILY", starts = starts.ToString("yyyy-MM-dd"), envelope_id = 0, amount = Amount,
        });
        var appliedBeforeKill = await WaitForAppliedAsync(client, accountId, atLeast: 20);
        await first.KillAsync();
        Assert.False(adding.IsCompletedSuccessfully && adding.Result.StatusCode == HttpStatusCode.Created,
            "The catch-up finished before the kill; the test proves nothing.");
        try { (await adding).Dispose(); } catch (HttpRequestException) { } // the answer died with the service

        await using var second = new ServiceProcess(deployment);
        await second.StartAsync();
        var reader = await ServiceClients.SignedInClientAsync(second.BaseAddress, client);
        // On MongoDB the account stays locked until the server aborts the transaction the kill left open
        // (transactionLifetimeLimitSeconds, 60 s by default); the ticks fail until then, and the next one finishes.
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (true)
        {
            var schedules = await reader.GetFromJsonAsync<JsonArray>($"/accounts/{accountId}/schedules");
            if (schedules!.Single()!["handled_through"]?.GetValue<string>() == today.ToString("yyyy-MM-dd")) break;
            Assert.True(DateTime.UtcNow < deadline, $"The catch-up did not finish after the restart:\n{second.Output}");
            await Task.Delay(200);
        }

        var log = await ServiceClients.ReadWholeLogAsync(reader, accountId);
        var history = await ServiceClients.ReadWholeHistoryAsync(reader, accountId);
        var account = await reader.GetFromJsonAsync<JsonObject>($"/accounts/{accountId}");
        var dates = log.Where(e => e["kind"]!.GetValue<string>() == "scheduled_applied")
            .Select(e => DateOnly.Parse(e["schedule"]!["date"]!.GetValue<string>())).ToList();
        Assert.Equal(Enumerable.Range(0, Occurrences).Select(starts.AddDays), dates); // each date once, oldest first
        Assert.DoesNotContain(log, e => e["kind"]!.GetValue<string>() == "scheduled_failed");
        Assert.Equal(Enumerable.Range(1, log.Count).Select(v => (long)v), log.Select(e => e["version"]!.GetValue<long>()));
        Assert.Equal(Occurrences + 1, history.Count);
        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(t => t["tx_id"]!.GetValue<long>()));
        Assert.Equal(100m - Occurrences * Amount, account!["balance"]!.GetValue<decimal>());
        Assert.Equal(history.Sum(t => t["amount"]!.GetValue<decimal>()), account["balance"]!.GetValue<decimal>());
        output.WriteLine($"killed after {appliedBeforeKill} of {Occurrences} occurrences; {log.Count} events after the restart");
    }

    /// <summary>Reads the log while the catch-up runs, until at least <paramref name="atLeast"/> occurrences are durable.</summary>
    private static async Task<int> WaitForAppliedAsync(HttpClient client, string accountId, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/accounts/{accountId}/changes?since=0&limit=1000");
            var applied = page!["changes"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "scheduled_applied");
            if (applied >= atLeast) return applied;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The catch-up did not get going: {applied} applied.");
            await Task.Delay(10);
        }
    }
}
